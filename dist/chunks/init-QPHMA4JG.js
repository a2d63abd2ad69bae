import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  fixturesRoot,
  scaffold
} from "./chunk-ZPLW7NAR.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  fixturesRoot,
  scaffold
};
