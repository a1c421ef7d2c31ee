namespace Verify.Report;

/// <summary>The page's stylesheet: readable on screen, one card per block when printed.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{--fg:#1d2330;--muted:#4a5568;--line:#d8dde6;--soft:#f2f4f8}
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 1.5rem;color:var(--fg);line-height:1.45}
        h1{margin-bottom:.2rem}h2{border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h4{margin:.8rem 0 .3rem}
        a{color:#2b6cb0}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
        table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:var(--soft)}.total td{font-weight:600}td.zero{color:#a0aec0}caption{text-align:left;font-weight:600;padding:.2rem 0}
        .table-wrap{overflow-x:auto}.verdicts td:not(:first-child){text-align:right}
        .intro{color:var(--muted)}.legend{font-size:.9rem}.legend td{border:none;padding:.1rem .5rem}
        .card{border:1px solid var(--line);border-left:6px solid #a0aec0;border-radius:8px;padding:.8rem 1rem;margin:1rem 0;break-inside:avoid-page}
        .card.reproduced{border-left-color:#2f855a}.card.certified{border-left-color:#2b6cb0}.card.erratum{border-left-color:#c05621}
        .card.substituted{border-left-color:#6b46c1}.card.not-reproduced{border-left-color:#9b2c2c}.card.spec-failed{border-left-color:#e53e3e}
        .card h3{margin:.3rem 0 .2rem;font-size:1.08rem}.statement{white-space:pre-wrap}
        .where,.params,.links,.seed,.timing,.rerun,.meta,.provenance{color:var(--muted);font-size:.9rem;margin:.25rem 0}
        .provenance{font-style:italic}
        .badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.8rem;font-weight:600;color:#fff;white-space:nowrap}
        .badge.reproduced,.dot.reproduced{background:#2f855a}.badge.certified,.dot.certified{background:#2b6cb0}.badge.erratum,.dot.erratum{background:#c05621}
        .badge.substituted,.dot.substituted{background:#6b46c1}.badge.not-reproduced,.dot.not-reproduced{background:#9b2c2c}
        .badge.spec-failed,.dot.spec-failed{background:#e53e3e}.badge.not-run,.dot.not-run{background:#718096}
        .kind{font-size:.8rem;color:var(--muted);border:1px solid #cbd5e0;border-radius:4px;padding:0 .3rem}
        .failure{background:#fff5f5;border-left:4px solid #e53e3e;padding:.3rem .6rem}.failure pre{white-space:pre-wrap;font-size:.8rem;max-height:16rem;overflow:auto}
        .counter{background:#fffaf0;border-left:4px solid #c05621;padding:.3rem .6rem;margin:.4rem 0}
        .corrected,.finding-corrected{background:#f0fff4;border-left:4px solid #2f855a;padding:.3rem .6rem}
        .finding-corrected{font-size:.9rem;margin:.2rem 0 .4rem}ul.findings li{margin:.3rem 0}
        .controls{font-size:.9rem;color:var(--muted)}.controls ul{margin:.2rem 0}.ok{color:#2f855a;font-weight:600}.bad{color:#e53e3e;font-weight:700}
        tr.outside td{background:#fff5f5}
        .index{columns:3 16rem;font-size:.85rem}.index-doc{break-inside:avoid;margin-bottom:.8rem}.index ul{list-style:none;padding-left:.2rem;margin:.2rem 0}
        .dot{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;margin-right:.35rem;vertical-align:middle}
        figure{margin:.8rem 0}figure svg{max-width:100%;height:auto;display:block}figcaption{font-size:.88rem;color:var(--muted)}
        @media print{body{max-width:none;font-size:10pt;padding:0}.card{page-break-inside:avoid}a{color:inherit;text-decoration:none}
          .index{columns:3}figure svg{max-height:9cm;width:auto}h2{page-break-before:always}.summary h2{page-break-before:avoid}}
        """;
}
