# Oracle for test/estimate/failed_term.test.ts: a Lin regression where one nuisance term (block1_c) has a NaN
# standard error in R (the outcome is 0 throughout that block), while z keeps its inference.
# Run from the repository root: Rscript test/oracle/failed_term.R
suppressMessages(library(estimatr))
d <- read.csv("test/oracle/fixtures/failed_term_data.csv")
d$block <- factor(d$block)
f <- lm_lin(y ~ z, covariates = ~ block, data = d, clusters = cl, se_type = "CR2")
options(digits = 17)
print(tidy(f)[, c("term", "estimate", "std.error", "df", "p.value")])
