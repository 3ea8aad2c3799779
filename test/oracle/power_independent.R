# Independent checks of src/estimate/power.ts (effekt power), not the same formula typed again in R:
#  1. "exact_variance": the sampling variance of the difference in household means, computed by matrix algebra
#     from the persons' covariance matrix (Sigma = block-diagonal, rho on and off the diagonal within a household,
#     1 on the diagonal) and the estimator's contrast vector c: Var = c' Sigma c, for J households of m persons,
#     J_T = P J treated. effekt's closed form must equal sqrt(c' Sigma c) (R2 = 0).
#  2. "power_t_test": R's stats::power.t.test (exact noncentral t, strict = TRUE) for one person per household
#     (ICC irrelevant), half treated: power for n per arm and a given delta, and the delta (MDE) at 80% power.
#     effekt uses Bloom's (2005) shifted central t (MDE = (t_{1-alpha/2} + t_{power}) SE), an approximation whose
#     distance from the noncentral t the test bounds.
#  3. R's noncentral t CDF on a grid, and 4. the noncentral-t power and MDE of clustered designs.
# Run from the repo root: Rscript test/oracle/power_independent.R (CI has no R; the test reads the fixture).
out_dir <- "test/oracle/fixtures"
# fixture writer as in estimatr.R (full precision, sprintf("%.17g"))
num <- function(x) {
  if (length(x) == 1 && is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "1e308" else "-1e308")
  sprintf("%.17g", x)
}
to_json <- function(x, indent = "") {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    nm <- names(x)
    inner <- paste0(indent, "  ")
    if (is.null(nm)) {
      parts <- vapply(x, to_json, "", indent = inner)
      return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    parts <- vapply(seq_along(x), function(i) paste0('"', nm[i], '": ', to_json(x[[i]], inner)), "")
    return(paste0("{\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  if (is.character(x)) return(paste0("[", paste0('"', x, '"', collapse = ", "), "]"))
  if (is.logical(x)) x <- as.numeric(x)
  paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
}
write_fixture <- function(name, obj) {
  writeLines(to_json(obj), file.path(out_dir, paste0(name, ".json")))
}

exact <- lapply(list(c(20, 3, 0.25, 0.5), c(30, 2, 0.1, 0.3), c(12, 5, 0.6, 0.25), c(50, 1, 0, 0.5)), function(a) {
  J <- a[1]; m <- a[2]; rho <- a[3]; P <- a[4]
  JT <- round(P * J)
  cluster <- rep(seq_len(J), each = m)
  z <- as.numeric(cluster <= JT)
  same <- outer(cluster, cluster, "==")
  Sigma <- ifelse(same, rho, 0); diag(Sigma) <- 1
  cvec <- ifelse(z == 1, 1 / sum(z), -1 / sum(1 - z))
  list(households = J, m = m, icc = rho, share = JT / J, se = sqrt(drop(t(cvec) %*% Sigma %*% cvec)))
})

ptt <- lapply(list(c(20, 0.5, 0.05), c(70, 0.4, 0.05), c(200, 0.25, 0.05), c(50, 0.5, 0.1)), function(a) {
  n <- a[1]; delta <- a[2]; alpha <- a[3]
  pw <- power.t.test(n = n, delta = delta, sd = 1, sig.level = alpha, strict = TRUE)$power
  mde <- power.t.test(n = n, power = 0.8, sd = 1, sig.level = alpha, strict = TRUE, tol = 1e-12)$delta
  list(n_per_arm = n, delta = delta, alpha = alpha, power = pw, mde_80 = mde)
})

# 3. "pnt": R's noncentral t CDF pt(t, df, ncp) on a grid (src/estimate/noncentral_t.ts ports R's pnt.c)
grid <- expand.grid(t = c(-3, -0.5, 0, 0.7, 1.96, 2.5, 6), df = c(3, 12.5, 38, 138, 1000), ncp = c(-1.5, 0.4, 2.8, 8))
pnt_cases <- lapply(seq_len(nrow(grid)), function(i) {
  g <- grid[i, ]
  list(t = g$t, df = g$df, ncp = g$ncp, p = pt(g$t, g$df, g$ncp))
})

# 4. "clustered": power.t.test's noncentral-t power and MDE carried to clusters: ncp = delta / SE with SE from
#    sqrt(c' Sigma c) above (R2 = 0) or its (1 - R2) share, df = J - 2
clustered <- lapply(list(c(40, 2, 0.3, 0.5, 0, 0.5), c(140, 1.6, 0.3, 0.5, 0.2, 0.3), c(60, 3, 0.1, 0.25, 0.4, 0.45)), function(a) {
  J <- a[1]; m <- a[2]; rho <- a[3]; P <- a[4]; r2 <- a[5]; delta <- a[6]
  se <- sqrt((1 - r2) * (rho + (1 - rho) / m) / (P * (1 - P) * J))
  df <- J - 2
  crit <- qt(0.975, df)
  pw <- function(d) pt(crit, df, d / se, lower.tail = FALSE) + pt(-crit, df, d / se)
  mde <- uniroot(function(d) pw(d) - 0.8, c(0, 20 * se), tol = 1e-14)$root
  list(households = J, m = m, icc = rho, share = P, r2 = r2, delta = delta, power = pw(delta), mde_80 = mde)
})

write_fixture("power_independent", list(exact_variance = exact, power_t_test = ptt, pnt = pnt_cases, clustered = clustered))
cat("fixture written\n")
