import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-OQKGXT4X.js";
import {
  joinNegativeValues
} from "./chunk-KJSUNNQG.js";
import "./chunk-GFOEJXQD.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-OA2RVN2W.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-5Y7GBQWL.js";
import "./chunk-XKHUKR43.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
