"""Evidence for auditors: acceptance records, signed manifests and PDFs, evidence bundles."""
