"""Translations kept in step with their source: sign-offs, clause states, the publish gate, XLIFF."""
