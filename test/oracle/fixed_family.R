# Oracle for src/estimate/fixed_family.ts: Holm and BH over a family fixed by the plan, pending members counted
# with p = 1 (R's p.adjust on the padded vector). Written with full precision to
# test/oracle/fixtures/fixed_family.json. Run from the repo root:
#   Rscript test/oracle/fixed_family.R
source_lines <- readLines("test/oracle/estimatr.R")
eval(parse(text = source_lines[seq_len(grep("^## 1\\.", source_lines)[1] - 1)]))
p <- c(0.004, NA, 0.031, 0.012, NA, 0.2)
padded <- ifelse(is.na(p), 1, p)
mask <- function(x) { x[is.na(p)] <- NA; x }
out <- list(p = p, holm = mask(p.adjust(padded, "holm")), BH = mask(p.adjust(padded, "BH")),
            holm_dropped = p.adjust(p, "holm"))
write_fixture("fixed_family", out)
cat("fixed_family fixture written\n")
