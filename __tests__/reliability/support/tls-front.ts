// TLS in front of a loopback port, with a throwaway self-signed certificate for made-up host
// names (made with openssl at test time; the action trusts it through NODE_EXTRA_CA_CERTS).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import * as tls from 'node:tls'

export interface Certificate {
  readonly certFile: string
  readonly cert: string
  readonly key: string
}

export function makeCertificate(hosts: readonly string[]): Certificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mage-proxy-cert-'))
  const certFile = path.join(dir, 'cert.pem')
  const keyFile = path.join(dir, 'key.pem')
  // prettier-ignore
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${hosts[0]}`,
    '-addext', `subjectAltName=${hosts.map(host => `DNS:${host}`).join(',')}`
  ], { stdio: 'ignore' })
  return {
    certFile,
    cert: fs.readFileSync(certFile, 'utf8'),
    key: fs.readFileSync(keyFile, 'utf8')
  }
}

export interface TlsFront {
  readonly port: number
  close(): Promise<void>
}

/** Terminates TLS and pipes the plain stream to 127.0.0.1:`target`. */
export async function startTlsFront(certificate: Certificate, target: number): Promise<TlsFront> {
  const sockets = new Set<net.Socket>()
  const server = tls.createServer({ cert: certificate.cert, key: certificate.key }, secure => {
    const plain = net.connect(target, '127.0.0.1')
    secure.pipe(plain)
    plain.pipe(secure)
    for (const socket of [secure, plain]) {
      sockets.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => sockets.delete(socket))
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
