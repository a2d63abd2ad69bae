import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-OX45N6ZK.js";
import "./chunk-VLID2OYQ.js";
import "./chunk-56F3VGMF.js";
import "./chunk-TXE66QCM.js";
import "./chunk-PEWDQTIE.js";
import "./chunk-Y5MPY7SF.js";
import "./chunk-MSICHKU2.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-KEL2XL4Z.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-VWQUO3XO.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-VBVZQY2Z.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-YK324AHQ.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UICWZD46.js";
import "./chunk-TJWSMTG5.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
