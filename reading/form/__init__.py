"""The report form's whole-message grammars; reading.form.grammar is the public face."""
