import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-QWUAZS7W.js";
import {
  joinNegativeValues
} from "./chunk-AEII4RRQ.js";
import "./chunk-GFOEJXQD.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-BJMLKMBS.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-EFMQJ4CT.js";
import "./chunk-IJ53QGIC.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
