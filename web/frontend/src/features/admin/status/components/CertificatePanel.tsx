import { useState } from "react";
import { Banner } from "../../../../components/Banner";
import { QueryState } from "../../../../components/QueryState";
import { describeError } from "../../../../lib/api/problem";
import {
  type Certificate,
  useDownloadOwnCertificate,
  useRemoveCertificate,
  useTrustCertificate,
  useTrustList,
} from "../api/status";

/**
 * The collector's OPC UA trust list. A server whose certificate the collector does not trust yet shows up under
 * "rejected" after the first connection attempt; trusting it lets the next attempt through.
 */
export function CertificatePanel({ writer }: { writer: boolean }) {
  const list = useTrustList();
  const trust = useTrustCertificate();
  const remove = useRemoveCertificate();
  const download = useDownloadOwnCertificate();
  const [failure, setFailure] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  const table = (certificates: Certificate[], kind: "rejected" | "trusted") => (
    <table className="list-table" data-testid={`certificates-${kind}`}>
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Application URI</th>
          <th scope="col">Thumbprint (SHA-1)</th>
          <th scope="col">Valid</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {certificates.length === 0 && (
          <tr>
            <td colSpan={5} className="muted">
              None.
            </td>
          </tr>
        )}
        {certificates.map((certificate) => {
          const expired = certificate.notAfter !== undefined && new Date(certificate.notAfter) < new Date();
          return (
            <tr key={certificate.thumbprint}>
              <th scope="row">{certificate.subject}</th>
              <td>{certificate.applicationUri ?? "—"}</td>
              <td>
                <code>{certificate.thumbprint}</code>
              </td>
              <td className={expired ? "state-down" : undefined}>
                {certificate.notBefore ? new Date(certificate.notBefore).toLocaleDateString() : "?"} –{" "}
                {certificate.notAfter ? new Date(certificate.notAfter).toLocaleDateString() : "?"}
                {expired && " (expired)"}
              </td>
              <td className="actions">
                {writer && kind === "rejected" && (
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => void act(() => trust.mutateAsync(certificate.thumbprint ?? ""))}
                  >
                    Trust
                  </button>
                )}
                {writer && (
                  <button
                    type="button"
                    className="button-quiet danger"
                    onClick={() => {
                      if (window.confirm(`Remove the certificate of ${certificate.subject}?`)) {
                        void act(() => remove.mutateAsync(certificate.thumbprint ?? ""));
                      }
                    }}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <section aria-labelledby="certificates-heading">
      <div className="page-header">
        <h2 id="certificates-heading">OPC UA certificates</h2>
        <span className="spacer" />
        <button type="button" onClick={() => void act(() => download.mutateAsync())} data-testid="own-certificate">
          Download the collector's certificate
        </button>
      </div>
      <p className="muted">
        Add the collector's certificate (DER) to each OPC UA server's trusted certificates; trust each server's
        certificate here. {writer ? "" : "ENGINEER and ADMIN trust and remove certificates."}
      </p>
      {failure && <Banner tone="error">{failure}</Banner>}
      <QueryState isLoading={list.isLoading} error={list.error} what="the OPC UA trust list" />
      {list.data && (
        <>
          <h3>Rejected server certificates</h3>
          {table(list.data.rejected ?? [], "rejected")}
          <h3>Trusted server certificates</h3>
          {table(list.data.trusted ?? [], "trusted")}
        </>
      )}
    </section>
  );
}
