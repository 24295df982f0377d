import { minutesFieldLabels, type MinutesForm } from '../../../shared/domain';

// The particulars go in the table; the name is the heading, topics and decisions are paragraphs.
const rows = minutesFieldLabels.filter(([key]) => !['meetingName', 'topics', 'decisions'].includes(key));

/** 会议纪要 as a formatted page: the heading, the particulars as a table, then 议题 and 决定事项. */
export function MinutesPage({ form }: { form: MinutesForm }) {
  const cell = { border: '1px solid #999', padding: '6px 10px', verticalAlign: 'top' } as const;
  return (
    <article
      data-testid="minutes-page"
      style={{ background: '#fff', padding: '32px 40px', maxWidth: 720, margin: '0 auto', fontFamily: 'serif', boxShadow: '0 1px 4px rgba(0,0,0,.15)' }}
    >
      <h2 style={{ textAlign: 'center', letterSpacing: 2 }}>{form.meetingName}</h2>
      <h3 style={{ textAlign: 'center', fontWeight: 400, marginTop: 0 }}>会议纪要</h3>
      <table style={{ width: '100%', borderCollapse: 'collapse', margin: '16px 0' }}>
        <tbody>
          {rows.map(([key, label]) => (
            <tr key={key}>
              <th style={{ ...cell, width: 110, background: '#fafafa' }}>{label}</th>
              <td style={cell}>{form[key] || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>议题</h4>
      <p style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{form.topics || '—'}</p>
      <h4>决定事项</h4>
      <p style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{form.decisions || '—'}</p>
    </article>
  );
}
