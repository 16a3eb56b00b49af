"""Published versions of a policy: frozen texts, the changelog, the acceptance clock, redlines."""
