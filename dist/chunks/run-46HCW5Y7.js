import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-6YJC7AQI.js";
import "./chunk-QBTXOF4R.js";
import "./chunk-ILLOYFKX.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-LGYN5YXV.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-OA2RVN2W.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-IEGHLTJ3.js";
import "./chunk-5Y7GBQWL.js";
import "./chunk-Z4Y4Q2MG.js";
import "./chunk-ZW2PJC3E.js";
import "./chunk-HVY74J3L.js";
import "./chunk-PEWDQTIE.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
};
