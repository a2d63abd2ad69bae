import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-4P4XPTLG.js";
import "./chunk-JYELMVHH.js";
import "./chunk-BWIRND4V.js";
import "./chunk-QNBZJZ7L.js";
import "./chunk-3XB6IX6O.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-ICY5NPPV.js";
import "./chunk-SXEI7EJP.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-DT3FJF3X.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-VWQUO3XO.js";
import "./chunk-QFB4VFOZ.js";
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
