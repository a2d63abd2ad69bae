import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-W6LZSNV3.js";
import "./chunk-CE2ZWSA4.js";
import "./chunk-ECOILVK7.js";
import "./chunk-UH4HXRH2.js";
import "./chunk-UVDJYQLF.js";
import "./chunk-FJZVPX5M.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-XTFUCNRS.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-32DEH4SJ.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-VBVZQY2Z.js";
import "./chunk-5BDKX7AO.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-OSR6QGIA.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UICWZD46.js";
import "./chunk-LMFYV77E.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
