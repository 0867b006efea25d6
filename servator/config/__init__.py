"""What every process reads before it does anything: the settings (every environment variable, by
area), the fixed values they start from, the contacts table and the responses filled from it."""
