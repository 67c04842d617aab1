export function KpiCard(props: { id: string; label: string; value: string; detail?: string }) {
  return (
    <div className="kpi" data-kpi={props.id}>
      <span className="kpi-label">{props.label}</span>
      <strong className="kpi-value">{props.value}</strong>
      {props.detail ? <span className="kpi-detail">{props.detail}</span> : null}
    </div>
  );
}
