import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-VRUEMMMV.js";
import "./chunk-Z7FVEZRM.js";
import "./chunk-JUYSGCCV.js";
import "./chunk-CULUNDQX.js";
import "./chunk-7DGKOF5D.js";
import "./chunk-E76G3OLL.js";
import "./chunk-GG4M2ZB3.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-DR4IFN7H.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-DKZ2MXEC.js";
import "./chunk-EUL7U7SJ.js";
import "./chunk-6GGF6ZQ3.js";
import "./chunk-RLRWZL4I.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-T23RGRU6.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
