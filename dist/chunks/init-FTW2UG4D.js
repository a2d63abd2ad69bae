import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  fixturesRoot,
  scaffold
} from "./chunk-6IZ3VOTU.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  fixturesRoot,
  scaffold
};
