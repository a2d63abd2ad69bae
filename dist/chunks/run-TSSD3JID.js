import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-SH4RTC4B.js";
import "./chunk-QBTXOF4R.js";
import "./chunk-GFOEJXQD.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-5YXD5PG7.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-OA2RVN2W.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-IEGHLTJ3.js";
import "./chunk-5Y7GBQWL.js";
import "./chunk-Z4Y4Q2MG.js";
import "./chunk-NRNOMGGU.js";
import "./chunk-67MZIT2P.js";
import "./chunk-HXO3A6VB.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-JU2KWENW.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
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
