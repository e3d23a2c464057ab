import type { OutletRuleData } from '../outlet-rules'
import detik from './detik'
import kompas from './kompas'
import tribun from './tribun'
import liputan6 from './liputan6'
import fimela from './fimela'
import merdeka from './merdeka'
import cnnIndonesia from './cnn-indonesia'
import kumparan from './kumparan'
import tempo from './tempo'
import antara from './antara'
import republika from './republika'
import okezone from './okezone'
import suara from './suara'
import viva from './viva'
import sindonews from './sindonews'
import idnTimes from './idn-times'
import tirto from './tirto'
import jawapos from './jawapos'
import bisnis from './bisnis'
import kontan from './kontan'
import kapanlagi from './kapanlagi'
import grid from './grid'
import pikiranRakyat from './pikiran-rakyat'
import inews from './inews'
import jpnn from './jpnn'
import mediaIndonesia from './media-indonesia'
import bbcIndonesia from './bbc-indonesia'
import voaIndonesia from './voa-indonesia'
import katadata from './katadata'
import cnbcIndonesia from './cnbc-indonesia'
import beritasatu from './beritasatu'
import beritamanado from './beritamanado'
import metrobali from './metrobali'
import gelora from './gelora'
import otosia from './otosia'
import posKota from './pos-kota'

/** Every outlet rule (one file each in this folder). */
export const OUTLET_RULE_DATA: OutletRuleData[] = [
  detik,
  kompas,
  tribun,
  liputan6,
  fimela,
  merdeka,
  cnnIndonesia,
  kumparan,
  tempo,
  antara,
  republika,
  okezone,
  suara,
  viva,
  sindonews,
  idnTimes,
  tirto,
  jawapos,
  bisnis,
  kontan,
  kapanlagi,
  grid,
  pikiranRakyat,
  inews,
  jpnn,
  mediaIndonesia,
  bbcIndonesia,
  voaIndonesia,
  katadata,
  cnbcIndonesia,
  beritasatu,
  beritamanado,
  metrobali,
  gelora,
  otosia,
  posKota
]
