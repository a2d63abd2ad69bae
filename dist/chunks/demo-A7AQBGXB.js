import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-7NWUYXS6.js";
import "./chunk-JYELMVHH.js";
import "./chunk-BWIRND4V.js";
import "./chunk-HSLCIRUV.js";
import "./chunk-NRXT6OWF.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-Y5MPY7SF.js";
import "./chunk-LOACAOQG.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-I7ERRX6U.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-XTPMINBY.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-VBVZQY2Z.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-5Y7GBQWL.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-6IZ3VOTU.js";
import "./chunk-UVSW62AI.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
