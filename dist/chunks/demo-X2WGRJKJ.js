import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
} from "./chunk-WKIWYFTY.js";
import "./chunk-KUDM2OG4.js";
import "./chunk-3G5L2OZU.js";
import "./chunk-VJ2AAJIP.js";
import "./chunk-GEUVHT7J.js";
import "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-NARH4RFJ.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import "./chunk-ED74ZWEH.js";
import "./chunk-EJWB2SWA.js";
import "./chunk-6ZERPRDS.js";
import "./chunk-RBMSUNWZ.js";
import "./chunk-BKJWIMPC.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-EPGW6SGM.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  hermeticSuite,
  makeThrowawayRepo,
  progressLine,
  runDemo
};
