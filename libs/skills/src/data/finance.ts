import type { SkillSource } from './format';

export const FINANCE: SkillSource = {
  category: 'finance',
  lines: `
Accounting | accounting principles, financial accounting, general accounting, accounting experience, accountant, accountants skills | | Bookkeeping, GAAP
Bookkeeping | book keeping, bookkeeper skills, general ledger, =GL, journal entries, ledger maintenance, bookkeeper | Accounting | QuickBooks
GAAP | US GAAP, generally accepted accounting principles | Accounting | IFRS
IFRS | International Financial Reporting Standards | Accounting | GAAP
Financial Reporting | financial statements, financial statement preparation, month-end close, month end close, year-end close, monthly close, =SEC reporting, 10-K, 10-Q | Accounting | GAAP
Accounts Payable | A/P, invoice processing, vendor payments | Accounting | Accounts Receivable
Accounts Receivable | A/R, billing and collections, collections management, invoicing | Accounting | Accounts Payable
Reconciliation | account reconciliation, bank reconciliation, bank reconciliations, account reconciliations, reconciliations, balance sheet reconciliation | Accounting |
Payroll | payroll processing, payroll administration, ADP, Paychex | Accounting | Compensation and Benefits
Cost Accounting | cost analysis, costing, standard costing, inventory costing | Accounting |
Managerial Accounting | management accounting | Accounting | Budgeting
Tax Preparation | tax preparer, tax returns, tax filing, tax compliance, income tax, corporate tax, taxation, sales tax, =VAT | Accounting |
Tax Planning | tax strategy, tax advisory | Tax Preparation |
Auditing | audit, audits, internal audit, external audit, financial audit, audit procedures, statutory audit | Accounting | Internal Controls
Internal Controls | internal control, =SOX, Sarbanes-Oxley, SOX compliance, control testing | Auditing | Risk Management
CPA | =CPA, Certified Public Accountant | Accounting |
CFA | =CFA, Chartered Financial Analyst, CFA charterholder | Investment Analysis |
QuickBooks | Quickbooks, QuickBooks Online, =QBO | Bookkeeping |
Xero | =Xero | Bookkeeping |
Sage Accounting | ?Sage, Sage 50, Sage Intacct, Intacct | Bookkeeping |
Financial Analysis | financial analyses, financial statement analysis, ratio analysis, variance analysis, financial performance analysis, financial analyst | | Financial Modeling
Financial Modeling | financial modelling, financial models, three-statement model, 3-statement model, LBO modeling, LBO models | Financial Analysis | Valuation, Microsoft Excel
FP&A | =FP&A, financial planning and analysis, financial planning & analysis, financial planning | Financial Analysis | Budgeting, Forecasting
Budgeting | annual budget, budget management, budget planning, budgets, budget preparation, managing budgets, =P&L management, P&L responsibility | | Forecasting
Forecasting | financial forecasting, forecasts, revenue forecasting, rolling forecasts, cash flow forecasting | | Budgeting
Valuation | valuations, business valuation, company valuation, =DCF, discounted cash flow, comparable company analysis, precedent transactions | Financial Modeling |
Mergers and Acquisitions | =M&A, mergers & acquisitions, M&A transactions, deal execution | Corporate Finance | Due Diligence
Due Diligence | financial due diligence | | Mergers and Acquisitions
Corporate Finance | capital structure, capital allocation, capital budgeting | | Financial Analysis
Investment Banking | investment banker skills, capital markets, =ECM, =DCM | Corporate Finance | Mergers and Acquisitions
Private Equity | venture capital, portfolio company management | | Valuation
Investment Analysis | investment research, equity research, securities analysis, fundamental analysis | | Valuation
Portfolio Management | asset management, portfolio construction, asset allocation, wealth management | | Investment Analysis
Financial Advising | financial planning advice, financial advisory, retirement planning, estate planning, =CFP, Certified Financial Planner | | Portfolio Management
Trading | equity trading, securities trading, trade execution, day trading, algorithmic trading | | Derivatives
Derivatives | options trading, futures trading, interest rate swaps, options pricing, derivatives pricing | | Trading
Fixed Income | bond markets, bond trading, credit markets | | Portfolio Management
Quantitative Finance | quantitative analysis in finance, quant finance, financial engineering, stochastic calculus | | Derivatives, Statistics
Risk Management | risk analysis, enterprise risk management, =ERM, risk mitigation, operational risk, market risk, risk frameworks | | Internal Controls
Credit Analysis | credit risk, credit risk analysis, credit underwriting, credit assessment | Risk Management | Underwriting
Underwriting | underwriter, loan underwriting, mortgage underwriting, insurance underwriting | Risk Management | Credit Analysis
Anti-Money Laundering | =AML, anti money laundering, =BSA, =BSA/AML, transaction monitoring | Financial Compliance | Know Your Customer
Know Your Customer | =KYC, customer due diligence, =CDD, =EDD, enhanced due diligence | Financial Compliance | Anti-Money Laundering
Financial Compliance | financial regulations, banking regulations, regulatory reporting, Basel III, Dodd-Frank, =FINRA, Series 7, Series 63, =Series 6 | Regulatory Compliance | Anti-Money Laundering
Treasury Management | treasury, cash management, liquidity management, cash flow management | Corporate Finance |
Banking Operations | loan applications, branch operations, bank teller, teller operations, loan processing, mortgage processing | |
Loan Origination | mortgage origination, lending, commercial lending, loan officer skills | Banking Operations | Underwriting
!Insurance Operations | claims processing, claims adjusting, insurance claims, policy administration, actuarial | |
Actuarial Science | actuarial analysis, actuarial modeling | Insurance Operations | Statistics
Bloomberg Terminal | ?Bloomberg, Bloomberg terminal | | Trading
Hyperion | Oracle Hyperion, Essbase | | FP&A
Anaplan | Adaptive Insights, Workday Adaptive Planning | | FP&A
Expense Management | expense reports, Concur, SAP Concur, Expensify | Accounting |
Fixed Assets | fixed asset accounting, depreciation | Accounting |
Revenue Recognition | =ASC 606, =IFRS 15, rev rec | Accounting |
!Financial Consolidation | financial consolidation, consolidations, intercompany reconciliation, intercompany accounting | Financial Reporting |
Fraud Detection | fraud prevention, fraud investigation, fraud analysis | Risk Management | Anomaly Detection
Cryptocurrency | crypto, Bitcoin, DeFi, digital assets | | Blockchain
Accruals | accrual accounting, accrued expenses, prepaid amortization, prepaids, accruals and prepaids | Accounting |
BlackLine | =BlackLine | Reconciliation |
Workiva | =Workiva, Wdesk | Financial Reporting |
Lease Accounting | =ASC 842, =IFRS 16, lease accounting | Accounting |
Pivot Tables | pivot table, pivottables, pivot charts | Microsoft Excel |
VLOOKUP | =VLOOKUP, =XLOOKUP, =INDEX/MATCH, =HLOOKUP, index match | Microsoft Excel |
Three-Way Match | three-way match, 3-way match, three way matching, 3-way matching | Accounts Payable |
ACH Payments | =ACH, =ACH payments, check runs, payment runs, wire transfers, =ACH and check runs | Accounts Payable |
1099 Reporting | =1099s, =1099 reporting, =1099 forms, =1099 filing | Tax Preparation |
Retail Banking | personal banker, branch banking, consumer banking, community bank | | Account Opening
Account Opening | opened deposit accounts, open new accounts, new account opening, account openings | Retail Banking |
Customer Identification Program | =CIP, =CIP checks, customer identification program | Know Your Customer |
Jack Henry SilverLake | Jack Henry, =SilverLake, Jack Henry Symitar, Symitar | Retail Banking |
Commercial Insurance | commercial lines, small commercial accounts, commercial property insurance, =BOP, business owners policy | Underwriting |
General Liability | general liability insurance, =GL insurance | Commercial Insurance |
Workers' Compensation | workers compensation, workers' comp, workers comp | Commercial Insurance |
Loss Runs | loss run, loss history, loss runs review | Underwriting |
Guidewire PolicyCenter | Guidewire, PolicyCenter, Guidewire ClaimCenter, Guidewire BillingCenter | Underwriting |
CPCU | =CPCU, =AU designation, =AINS, chartered property casualty underwriter | Underwriting |
Form 1040 | =1040, =1040s, individual tax returns, individual returns | Tax Preparation |
Business Tax Returns | =1120-S, =1120S, =1065, =1120, partnership returns, corporate tax returns, small-business returns | Tax Preparation |
Drake Tax | Drake Software, Drake | Tax Preparation |
UltraTax CS | UltraTax, Thomson Reuters UltraTax | Tax Preparation |
IRS Correspondence | =IRS notices, IRS correspondence, IRS audits, IRS representation | Tax Preparation |
Payroll Tax | payroll tax filings, payroll taxes, =941, =940, payroll tax returns | Payroll |
Enrolled Agent | =EA, enrolled agent | Tax Preparation |
Audit Reporting | audit reports, write audit reports, audit findings, audit committee reporting | Auditing |
ACL Analytics | =ACL, Galvanize ACL | Auditing |
IDEA | =IDEA, CaseWare IDEA | Auditing |
TeamMate | TeamMate+, TeamMate Analytics | Auditing |
Certified Internal Auditor | =CIA, certified internal auditor | Auditing |
`,
};
