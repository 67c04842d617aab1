import { useState } from 'react';
import { KycReviewQueueDocument, ReviewKycDocument, type KycDecision } from '../../sdk/src';
import { client, useQuery } from './api';
import { PanelStatus } from './DataTable';
import { formatCount } from './format';

/** PENDING KYC applications, oldest first; approve or reject through identity's reviewKyc. */
export function KycQueue() {
  const queue = useQuery(KycReviewQueueDocument, { first: 50 });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState<string>();

  async function review(id: string, decision: KycDecision) {
    setBusy(id);
    try {
      const reason =
        decision === 'REJECTED' ? reasons[id]?.trim() || 'Documents could not be verified' : undefined;
      const { reviewKyc } = await client.request(ReviewKycDocument, { id, decision, reason });
      setMessage(`Application ${reviewKyc.id.slice(0, 8)} ${reviewKyc.status.toLowerCase()}`);
      queue.reload();
    } catch (error) {
      setMessage(`Review failed: ${(error as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  }

  const rows = queue.data?.kycReviewQueue ?? [];
  return (
    <section className="panel" data-table="kyc-queue">
      <h2>KYC review queue</h2>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <PanelStatus what="the KYC queue" loading={queue.loading && !queue.data} error={queue.error} />
      {queue.data ? <p className="muted">{formatCount(rows.length)} pending</p> : null}
      <table>
        <thead>
          <tr>
            <th>Applicant</th>
            <th>PAN</th>
            <th>Aadhaar</th>
            <th className="num">Risk</th>
            <th>Submitted</th>
            <th>Decision</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-kyc-id={row.id}>
              <td>
                {row.user.name ?? '—'}
                <div className="muted">{row.user.email}</div>
              </td>
              <td>{row.panMasked}</td>
              <td>{row.aadhaarMasked}</td>
              <td className={`num risk-${row.riskScore >= 50 ? 'high' : 'low'}`}>{row.riskScore}</td>
              <td>{new Date(row.submittedAt).toLocaleString()}</td>
              <td>
                <div className="actions">
                  <button type="button" disabled={busy === row.id} onClick={() => review(row.id, 'VERIFIED')}>
                    Approve
                  </button>
                  <input
                    aria-label="Rejection reason"
                    placeholder="Reason"
                    value={reasons[row.id] ?? ''}
                    onChange={(event) => setReasons({ ...reasons, [row.id]: event.target.value })}
                  />
                  <button
                    type="button"
                    className="danger"
                    disabled={busy === row.id}
                    onClick={() => review(row.id, 'REJECTED')}
                  >
                    Reject
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
