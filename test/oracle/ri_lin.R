# Oracle for src/estimate/{ri_lin,ri_redraws,ri_inversion,westfall_young}.ts: randomisation inference on Lin's
# regression, its studentised form, intervals by test inversion, the CACE's Imbens-Rosenbaum interval and the
# Westfall-Young step-down min-p adjustment, all written out by hand in R (ri2 is not in Debian, and ri2 does
# none of the last three itself). Inputs: the committed RI fixtures of test/oracle/ri.R (the sample lottery's
# households, its first 200 re-draws as a permutation matrix, two outcomes) plus, made here once with a fixed
# seed and committed, ri_lin_persons.csv: the same persons with two covariates (x1 continuous, x2 binary), a
# household take-up d (0 in control; treated households take up with probability 0.7) and a third outcome
# `synthetic` (x1 plus noise plus 0.25 for persons of treated households, on the employment persons).
#
# Per outcome and per re-draw s (z_s = column s of the matrix, persons get their household's value):
#   lin:         coef of z in estimatr::lm_lin(y ~ z, covariates = ~ x1 + x2 + factor(block), clusters, "CR0")
#   studentised: that coefficient over its CR0 standard error
#   RI p:        mean(abs(round(T_s, 10)) >= abs(round(T_obs, 10)))  (ri2's two-tailed p)
#   interval:    for each theta of a 21-point grid (estimate +- 4 CR0 standard errors): the p-value of
#                lm_lin on y - theta z_obs, re-fitted literally under every re-draw, plain and studentised
#   CACE:        for each beta of a 21-point grid around the CACE: the p-value of the blocked, clustered
#                difference_in_means of y - beta d (Imbens and Rosenbaum 2005), re-fitted under every re-draw
#   Westfall-Young: step-down min-p over the family (employment, wellbeing, synthetic) of the plain Lin
#                statistics, written below with explicit loops (Westfall and Young 1993, algorithm 2.8).
# Output, full precision: test/oracle/fixtures/ri_lin.json. Run from the repo root (takes a few minutes):
#   Rscript test/oracle/ri_lin.R
suppressPackageStartupMessages({ library(estimatr) })
dir <- "test/oracle/fixtures"
households <- read.csv(file.path(dir, "ri_households.csv"), stringsAsFactors = FALSE, encoding = "UTF-8")
perm <- as.matrix(read.csv(file.path(dir, "ri_permutations.csv"), stringsAsFactors = FALSE, row.names = 1))
S <- ncol(perm)

persons_file <- file.path(dir, "ri_lin_persons.csv")
if (!file.exists(persons_file)) {
  set.seed(20261202)
  p <- read.csv(file.path(dir, "ri_persons.csv"), stringsAsFactors = FALSE)
  p$x1 <- round(rnorm(nrow(p)) + 0.5 * p$y, 6)
  p$x2 <- as.integer(runif(nrow(p)) < 0.4)
  hz <- households$z[match(p$household, households$household)]
  takes <- setNames(as.integer(runif(nrow(households)) < 0.7) * households$z, households$household)
  p$d <- takes[p$household]
  syn <- p[p$outcome == "employment", ]
  syn$outcome <- "synthetic"
  syn$y <- round(syn$x1 + rnorm(nrow(syn)) + 0.25 * hz[p$outcome == "employment"], 6)
  p <- rbind(p, syn)
  write.csv(p[, c("outcome", "y", "household", "block", "cluster", "x1", "x2", "d")], persons_file, row.names = FALSE, quote = FALSE)
}
persons <- read.csv(persons_file, stringsAsFactors = FALSE)
outcomes <- c("employment", "wellbeing", "synthetic")

lin_fit <- function(d, y, z) {
  d$y <- y
  d$z <- z
  f <- lm_lin(y ~ z, covariates = ~ x1 + x2 + factor(block), data = d, clusters = cluster, se_type = "CR0")
  c(estimate = coef(f)[["z"]], se = f$std.error[["z"]])
}
dim_fit <- function(d, y, z) {
  d$y <- y
  d$z <- z
  coef(difference_in_means(y ~ z, data = d, blocks = block, clusters = cluster))[["z"]]
}
ri_p <- function(sim, obs) mean(abs(round(sim, 10)) >= abs(round(obs, 10)))

num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
field <- function(name, value, last = FALSE) paste0('      "', name, '": ', value, if (last) "\n" else ",\n")

plain_draws <- list()
out <- lapply(outcomes, function(outcome) {
  d <- persons[persons$outcome == outcome, ]
  row <- match(d$household, households$household)
  z_obs <- households$z[row]
  obs <- lin_fit(d, d$y, z_obs)
  sims <- sapply(seq_len(S), function(s) lin_fit(d, d$y, perm[row, s]))
  est <- sims["estimate", ]
  tstat <- sims["estimate", ] / sims["se", ]
  plain_draws[[outcome]] <<- est
  grid <- obs[["estimate"]] + seq(-4, 4, length.out = 21) * obs[["se"]]
  p_grid <- p_grid_t <- numeric(length(grid))
  for (g in seq_along(grid)) {
    y0 <- d$y - grid[g] * z_obs
    o <- lin_fit(d, y0, z_obs)
    sm <- sapply(seq_len(S), function(s) lin_fit(d, y0, perm[row, s]))
    p_grid[g] <- ri_p(sm["estimate", ], o[["estimate"]])
    p_grid_t[g] <- ri_p(sm["estimate", ] / sm["se", ], o[["estimate"]] / o[["se"]])
  }
  cat(sprintf("%s: n = %d, lin %.6f (CR0 se %.6f), RI p %.3f, studentised %.3f\n", outcome, nrow(d), obs[["estimate"]], obs[["se"]],
              ri_p(est, obs[["estimate"]]), ri_p(tstat, obs[["estimate"]] / obs[["se"]])))
  paste0("    {\n",
    field("outcome", paste0('"', outcome, '"')), field("n", nrow(d)),
    field("estimate_obs", num(obs[["estimate"]])), field("se_obs", num(obs[["se"]])),
    field("estimates", vec(est)), field("t", vec(tstat)),
    field("p_ri", num(ri_p(est, obs[["estimate"]]))), field("p_ri_t", num(ri_p(tstat, obs[["estimate"]] / obs[["se"]]))),
    field("grid", vec(grid)), field("p_grid", vec(p_grid)), field("p_grid_t", vec(p_grid_t), TRUE), "    }")
})

# the CACE of employment (d = take-up): the ratio of blocked, clustered ITTs, and the Imbens-Rosenbaum p-values
d <- persons[persons$outcome == "employment", ]
row <- match(d$household, households$household)
z_obs <- households$z[row]
itt_y <- dim_fit(d, d$y, z_obs)
itt_d <- dim_fit(d, d$d, z_obs)
cace <- itt_y / itt_d
beta_grid <- cace + seq(-1, 1, length.out = 21)
p_beta <- vapply(beta_grid, function(b) {
  y0 <- d$y - b * d$d
  ri_p(vapply(seq_len(S), function(s) dim_fit(d, y0, perm[row, s]), 0), dim_fit(d, y0, z_obs))
}, 0)
cat(sprintf("CACE employment %.6f (ITT %.6f / first stage %.6f)\n", cace, itt_y, itt_d))

# Westfall-Young step-down min-p over the family, by hand
T <- sapply(outcomes, function(o) abs(round(plain_draws[[o]], 10)))
obs_T <- vapply(outcomes, function(o) {
  dd <- persons[persons$outcome == o, ]
  abs(round(lin_fit(dd, dd$y, households$z[match(dd$household, households$household)])[["estimate"]], 10))
}, 0)
m <- length(outcomes)
p_raw <- vapply(seq_len(m), function(j) mean(T[, j] >= obs_T[j]), 0)
p_null <- matrix(NA_real_, S, m)
for (j in seq_len(m)) for (s in seq_len(S)) p_null[s, j] <- mean(T[, j] >= T[s, j])
ord <- order(p_raw)
p_adj <- numeric(m)
for (i in seq_len(m)) {
  later <- ord[i:m]
  q <- apply(p_null[, later, drop = FALSE], 1, min)
  p_adj[ord[i]] <- mean(q <= p_raw[ord[i]] + 1e-12)
}
for (i in 2:m) p_adj[ord[i]] <- max(p_adj[ord[i]], p_adj[ord[i - 1]])
cat("Westfall-Young: raw", format(p_raw), " adjusted", format(p_adj), "\n")

json <- paste0("{\n",
  '  "source": "test/oracle/ri_lin.R: estimatr ', as.character(packageVersion("estimatr")),
  ' lm_lin(CR0) and difference_in_means per re-draw; ri2 two-tailed p by hand; Westfall-Young minP by hand",\n',
  '  "permutations": ', S, ",\n",
  '  "outcomes": [\n', paste(unlist(out), collapse = ",\n"), "\n  ],\n",
  '  "cace": {\n', field("itt_y", num(itt_y)), field("itt_d", num(itt_d)), field("cace", num(cace)),
  field("grid", vec(beta_grid)), field("p_grid", vec(p_beta), TRUE), "  },\n",
  '  "westfall_young": {\n', field("family", paste0("[", paste0('"', outcomes, '"', collapse = ", "), "]")),
  field("p_raw", vec(p_raw)), field("p_adjusted", vec(p_adj), TRUE), "  }\n",
  "}")
writeLines(json, file.path(dir, "ri_lin.json"))
