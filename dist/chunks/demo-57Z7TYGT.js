import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-M5M3FDWZ.js";
import "./chunk-PDB5QNEA.js";
import "./chunk-BB7PGA65.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-ZX2T7JMQ.js";
import "./chunk-UPREGWUX.js";
import "./chunk-ZPLW7NAR.js";
import "./chunk-T6XWSBER.js";
import "./chunk-GJNIDGYX.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-CEXMUUF2.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
