import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-FDJELOU6.js";
import {
  joinNegativeValues
} from "./chunk-R3MMG2CE.js";
import "./chunk-SXEI7EJP.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-VWQUO3XO.js";
import "./chunk-QFB4VFOZ.js";
import "./chunk-YK324AHQ.js";
import "./chunk-KXWXJ7QD.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
