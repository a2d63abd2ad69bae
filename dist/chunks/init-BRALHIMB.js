import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  fixturesRoot,
  scaffold
} from "./chunk-VJ2AAJIP.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  fixturesRoot,
  scaffold
};
