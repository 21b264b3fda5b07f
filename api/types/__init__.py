"""GraphQL output and input types (output types never double as inputs)."""
