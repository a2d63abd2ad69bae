import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-KFQKBCKF.js";
import "./chunk-7N5IJDJ3.js";
import "./chunk-VJATP2CZ.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-ZX2T7JMQ.js";
import "./chunk-UPREGWUX.js";
import "./chunk-ZPLW7NAR.js";
import "./chunk-4E5OPGQX.js";
import "./chunk-74EKDEFG.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-CEXMUUF2.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
