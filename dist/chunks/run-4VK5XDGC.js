import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite,
  stageBatches
} from "./chunk-VTJ7K4MC.js";
import "./chunk-5QSKF2BS.js";
import "./chunk-TS62XW23.js";
import "./chunk-EKVB6Y5Q.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-NYUSRTDV.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-XYEOXY3V.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-5BDKX7AO.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-BOCFVUUR.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-XI2MVAHJ.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite,
  stageBatches
};
