"""What the HTTP servers share: the front ends' security headers and error middleware, the stack's
readiness (/healthz) and its Prometheus metrics (/metrics), counted by every process."""
