import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-VSTBEWCG.js";
import "./chunk-JYELMVHH.js";
import "./chunk-BWIRND4V.js";
import "./chunk-BDZEEP4I.js";
import "./chunk-UMVFPA2Q.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-Y5MPY7SF.js";
import "./chunk-MSICHKU2.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-6T2YZS4F.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-4TL3VR4A.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-OSR6QGIA.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UICWZD46.js";
import "./chunk-K2MV5TS4.js";
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
