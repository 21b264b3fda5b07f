"""The contract at the bottom of the house: data model, graph schema, errors, settings."""
