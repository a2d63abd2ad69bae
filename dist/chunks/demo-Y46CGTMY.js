import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-KHQHDKS5.js";
import "./chunk-P2G4MC2A.js";
import "./chunk-ZKHMP6FY.js";
import "./chunk-XI2MVAHJ.js";
import "./chunk-7DGKOF5D.js";
import "./chunk-VJDNKUUY.js";
import "./chunk-62PNBCAS.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-5BDKX7AO.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-6SJ3A453.js";
import "./chunk-4T2MZU4M.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-RLRWZL4I.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-T23RGRU6.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
