// Every [Claim] test writes its evidence (reports/evidence/<id>.json) and must record a negative control.
[assembly: RecordsClaimEvidence]
