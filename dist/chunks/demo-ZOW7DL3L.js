import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-CTDXCPH6.js";
import "./chunk-HDY6L6RT.js";
import "./chunk-UZK7Q4O6.js";
import "./chunk-NM24PQV7.js";
import "./chunk-P6UNGZGF.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-WVAZU2UY.js";
import "./chunk-N6GAFMB7.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-BID4COJG.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-TDWUGNBE.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-VBVZQY2Z.js";
import "./chunk-5BDKX7AO.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-BOCFVUUR.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-T23RGRU6.js";
import "./chunk-C4YDGBAS.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
