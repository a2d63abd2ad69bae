import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  SIGNATURE_FILE,
  SIGNATURE_NAMESPACE,
  SUMMARY_FILE,
  SignKeyError,
  SigningError,
  SshKeygenMissingError,
  canonicalKeyText,
  checkSignKey,
  inspectPrivateKey,
  parseSignKeyContent,
  requireSshKeygen,
  signSummary,
  sshKeygen,
  verifySignature
} from "./chunk-ED74ZWEH.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  SIGNATURE_FILE,
  SIGNATURE_NAMESPACE,
  SUMMARY_FILE,
  SignKeyError,
  SigningError,
  SshKeygenMissingError,
  canonicalKeyText,
  checkSignKey,
  inspectPrivateKey,
  parseSignKeyContent,
  requireSshKeygen,
  signSummary,
  sshKeygen,
  verifySignature
};
