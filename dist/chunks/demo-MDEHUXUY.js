import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-OBQM65LU.js";
import "./chunk-ZQLG6NZN.js";
import "./chunk-H3WMST4W.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-TVBBMLQF.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-ZPLW7NAR.js";
import "./chunk-JRYRVDH7.js";
import "./chunk-74EKDEFG.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-DN66ISH5.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
