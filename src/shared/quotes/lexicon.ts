/** Word lists the rules read: reporting verbs, titles, organisations, places, connectives. */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/))

/** Bare reporting verbs used after a quotation: `"…," kata X`, `"…," ujarnya`. */
export const BARE_VERBS = words(`
  kata ujar ucap tutur ungkap jelas tegas imbuh tambah sebut lanjut papar terang tandas sambung
  tulis sahut seru kilah jawab pungkas cetus timpal tukas beber urai sergah tanya bilang pesan
  katanya ujarnya tutup desak balas
`)

/** Reporting verbs with a prefix, used on either side: `X mengatakan, "…"`, `"…," X menambahkan`. */
export const PREFIXED_VERBS = words(`
  mengatakan menyatakan menegaskan menambahkan menjelaskan mengungkapkan menuturkan menyebutkan
  menyampaikan melanjutkan memaparkan menerangkan mengaku menulis menuliskan menjawab berkata
  berujar bertutur bertanya menandaskan menekankan mengklaim mengeklaim mengimbuhkan menimpali
  berpesan mengingatkan memperingatkan mencatat menyerukan mengumumkan membantah mengungkap
  menukas berkomentar mengutarakan menyahut menanggapi mengujarkan menyimpulkan berseru
  mengeluhkan menuding menuduh menilai
`)

/** Verbs that put a fragment in someone's mouth: `menyebutnya "…"`, `digambarkan sebagai "…"`. */
export const FRAGMENT_VERBS = words(`
  menyebut menyebutnya disebut disebutnya menggambarkan menggambarkannya digambarkan
  menamakan menamai dinamai mengutuk mengecam memuji mendesak meminta dijuluki menjuluki
  mengistilahkan diistilahkan khawatir berharap menganggap dianggap menyebutkan
`)

/** Words before a quoted name or title: `yaitu "hype"`, `film "Dilan 1990"`. */
export const NAMING_WORDS = words(`
  yaitu yakni bernama berjudul bertajuk dijuluki julukan berlabel bertema istilah sebutan film
  lagu buku novel album operasi program aplikasi fitur tagar slogan gerakan kampanye akun frasa
  kalimat merek grup band acara festival kode sandi jargon moto motto semboyan judul lema kata
  tombol menu label istilahnya alias
`)

/** Pronouns that stand for a named speaker. */
export const PRONOUNS = words('dia ia beliau nya')

/** Titles, ranks and roles written before a name (lower case for lookup). */
export const TITLES = words(`
  presiden wakil perdana menteri sekretaris jenderal sekjen direktur dirut ketua ketum kepala
  kapolda kapolri kapolres kapolresta kapolsek kapuspen kapendam kadispen kasad kasal kasau
  panglima pangdam danrem dandim gubernur bupati wali walikota camat lurah kades juru bicara jubir
  pelatih manajer manager kapten pemain striker gelandang bek kiper pengacara advokat anggota
  koordinator lapangan kasubdit kabid kabag kasi kasubag seksi divisi kantor balai besar pusat
  penerangan komisaris kombes akbp akp iptu ipda aiptu brigjen mayjen letjen laksamana muda madya
  marsekal kolonel letkol mayor lettu letda serma pratu prada kopda sertu irjen komjen pol ustaz
  ustadz kyai kiai habib dr prof ir h hj drs bapak ibu pak bu mr mrs ms sir raja ratu pangeran
  sultan paus imam pendeta ceo cfo cto founder pendiri chairman bendahara staf ahli pengamat
  peneliti dosen guru rektor dekan hakim jaksa kajari kajati komandan produk product head chief
  officer senior executive vice president minister regional pemimpin penasihat asisten deputi
  plt pj kadis dinas bidang humas pejabat direktorat kabiro biro sekda kapusdatin kalakhar
  mantan eks sang tuan nyonya syekh syeikh lord keuangan pertahanan luar negeri hukum kesehatan
  pendidikan agama sosial perhubungan perdagangan perindustrian pertanian keamanan politik
  polisi brigadir bripda briptu bripka brigpol aipda bharada bharatu kompol phd mba msc msi
  mpd spd skom ssos sh mh mm mt st se sag mag ma menko wamen wamenkes menkes menkeu menlu
  mendagri menpora mensesneg menag mendikbud menhan menkum menkumham kadinkes kadisdik
  youtuber selebgram influencer artis aktor aktris penyanyi politikus politisi pengusaha polwan
  sus suster mendag mentan menaker menhub menperin menpar menparekraf menkominfo mendes mensos
  menpan menpupr menkop menlhk menristek mendikti menpppa menekraf menbud mendikdasmen
  epidemiolog sosiolog psikolog kriminolog virolog antropolog ekolog klimatolog ekonom pakar
`)

/** Words that go on a title rather than open a name: `Jaksa Agung`, `Direktur Utama`. */
export const TITLE_TAILS = words('agung utama eksekutif umum muda madya besar senior khusus tinggi')

/** Words that make a phrase an organisation or a body rather than a person. */
export const ORGANISATION_WORDS = words(`
  kementerian kemenkumham kemenkes kemendikbud kemenlu badan lembaga komisi dewan majelis partai
  kelompok organisasi perserikatan bangsa-bangsa pemerintah pemkot pemkab pemprov polda polres
  polsek kodam korem kodim satgas tim posko universitas institut
  sekolah rumah sakit bank pt cv tbk perusahaan yayasan asosiasi federasi himpunan ikatan
  persatuan serikat koalisi aliansi gerakan front faksi milisi pasukan angkatan armada kepolisian
  kejaksaan pengadilan mahkamah otoritas biro kantor imigrasi kelas khusus tpi
  dinkes disdik dishub dinsos disnaker disperindag dispora disdukcapil bappeda bpbd
`)

/** Groups whose name follows a generic word: `Kelompok Hamas` is Hamas. */
export const GROUP_WORDS = words('kelompok pihak organisasi gerakan faksi milisi kubu')

/** Countries, regions and cities (lower case), which end a title rather than start a name. */
export const PLACES = words(`
  indonesia as amerika serikat rusia china tiongkok jepang korea selatan utara india pakistan
  iran irak israel palestina suriah lebanon yordania mesir arab saudi qatar kuwait bahrain oman
  yaman uni emirat uea turki inggris prancis perancis jerman italia spanyol portugal belanda
  belgia swiss austria polandia ukraina belarus armenia azerbaijan georgia kazakhstan kirgistan
  tajikistan uzbekistan afghanistan australia selandia baru kanada meksiko brasil argentina
  venezuela kuba kolombia peru chili malaysia singapura thailand vietnam filipina myanmar kamboja
  laos brunei timor leste afrika nigeria kenya ethiopia maroko aljazair tunisia libya sudan
  somalia eropa asia tenggara timur barat tengah pasifik yunani swedia norwegia denmark
  finlandia irlandia hungaria rumania bulgaria serbia kroasia taiwan hongkong mongolia bangladesh
  nepal lanka maladewa jakarta bandung surabaya medan semarang makassar palembang denpasar
  yogyakarta jogja bogor depok tangerang bekasi padang pekanbaru jambi bengkulu
  lampung banten jawa sumatera sumatra kalimantan sulawesi papua maluku bali nusa tenggara aceh
  riau kepulauan gorontalo manado kupang mataram ambon jayapura pontianak banjarmasin samarinda
  balikpapan palu kendari mamuju ternate sorong merauke batam cirebon kota kabupaten provinsi
  desa kecamatan kelurahan daerah wilayah negara negeri pariaman sumbar sumut sumsel jabar jateng
  jatim kaltim kalbar kalsel sulsel sulut ntt ntb diy dki minsk moskwa washington teheran london
  beijing tokyo riyadh doha kairo ankara kyiv gaza tepi jalur kremlin istana gedung putih
`)

/** Capitalised words that open sentences and clauses, never part of a name. */
export const CONNECTIVES = words(`
  namun tetapi tapi selain sementara terpisah akibat adapun dengan dari pada di dalam untuk bila
  jika apabila ketika saat menurut padahal meski meskipun bahkan lantas pasalnya sebab karena
  hingga sebelumnya kemudian lalu jadi oleh berkat ke tak tidak yang ini itu hal para seorang
  sebuah dilansir dikutip mengutip seperti sebagaimana setelah sesudah sebelum usai seusai
  selama sejak agar supaya atau dan serta juga pun apalagi alhasil diberitakan kini kemarin
  besok hari minggu senin selasa rabu kamis jumat sabtu januari februari maret april mei juni
  juli agustus september oktober november desember sehingga maka demikian begitu nah ya
  terkait soal tentang mengenai bagi kepada antara atas bawah sekitar hanya cuma bukan belum
  sudah telah akan masih sedang baru dia ia beliau mereka kami kita saya aku anda kamu
  berdasarkan sedangkan kendati walau walaupun mengingat tampaknya rupanya sayangnya selanjutnya
  akhirnya awalnya terakhir pertama kedua ketiga salah satu banyak beberapa semua seluruh
  keduanya ketiganya semuanya masing-masing
`)

/** Role nouns that a later `sang …`, `… itu` or `… tersebut` points back with (lower case). */
export const ROLE_WORDS = words(`
  pelatih pemain politikus politisi pengusaha artis aktor aktris penyanyi musisi youtuber
  selebgram influencer komedian pesepakbola atlet petinju pebulu pebalap pembalap pengamat
  ekonom analis peneliti akademisi dokter perawat pengacara advokat hakim jaksa terdakwa
  tersangka korban saksi pelaku warga petani nelayan sopir pedagang mahasiswa siswa guru
  dosen kiai ulama pendeta ustaz aktivis jurnalis wartawan presenter sutradara penulis
  legislator menteri gubernur bupati walikota kapolres kapolda kapolri kapolsek jenderal
  kapten bek kiper striker gelandang manajer presiden wapres ketua direktur bos juru kades
  camat lurah komisioner anggota perdana raja ratu pangeran sultan
`)

/** Academic degrees written after a name (`Raldi Hendro Koestoer PhD`), never part of it. */
export const DEGREES = words(`
  phd dea msc msi mpd spd skom ssos sh mh mm mt st se sag mag ma mba mkes skm sked sp sip
  ssi sst mhum shum mpa llm eng
`)

/** Given names and honorifics that open a full name but that articles drop (`Tito`, `Koster`). */
export const NAME_PREFIXES = words(`
  muhammad mohammad mohamad muhamad moh muh mochamad mochammad ahmad achmad abdul abdurrahman
  siti nur nurul sri dewi i ni gusti anak agung lalu baiq raden rr andi teuku tengku cut datuk
`)
