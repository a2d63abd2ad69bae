import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-FY2D2OLD.js";
import {
  joinNegativeValues
} from "./chunk-ST6ZEBN4.js";
import "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-ED74ZWEH.js";
import "./chunk-7IVKAL7K.js";
import "./chunk-6ZERPRDS.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
