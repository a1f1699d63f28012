import type { SkillSource } from './format';

export const SALES_MARKETING: SkillSource = {
  category: 'sales-marketing',
  lines: `
!Sales | sales experience, closing deals, quota attainment, sales cycle, sales cycles, sales process, sales skills, selling skills, sales background, proven sales, track record in sales, exceeding quota, exceed quota, sales quotas, sales targets, =SDR, =BDR, exceeded quota, account executive, sales representative, sales rep | | Lead Generation, Negotiation
B2B Sales | business-to-business sales, enterprise sales, B2B selling | Sales | Account Management
B2C Sales | retail sales, consumer sales | Sales |
SaaS Sales | software sales, selling SaaS | B2B Sales |
Inside Sales | inside sales experience | Sales | Cold Calling
Outside Sales | field sales, territory sales, territory management | Sales |
Solution Selling | consultative selling, consultative sales, value-based selling, value selling, MEDDIC, MEDDPICC, SPIN selling, Challenger Sale, Sandler | Sales |
Lead Generation | lead gen, prospecting, demand generation, pipeline generation, outbound prospecting | Sales | Cold Calling
Cold Calling | cold calls, outbound calling, cold outreach, cold emailing | Lead Generation |
Account Management | key account management, client relationship management, client management, relationship management, managing accounts, managing client accounts | Sales | Customer Success
Customer Success | customer retention, churn reduction, customer onboarding, renewals, upselling, cross-selling, upsell, upsold, cross-sold, cross-sell | Account Management |
Sales Forecasting | pipeline management, sales pipeline, pipeline forecasting | Sales | Forecasting
Sales Operations | sales ops, revenue operations, RevOps | Sales | CRM
CRM | customer relationship management, CRM software, CRM systems, CRM tools, customer relationship management software | | Salesforce, HubSpot
Salesforce | Salesforce CRM, =SFDC, Sales Cloud, Service Cloud, Salesforce.com | CRM | Salesforce Development
HubSpot | Hubspot, HubSpot CRM | CRM | Marketing Automation
Zoho CRM | Zoho | CRM |
Pipedrive | | CRM |
Salesloft | Outreach.io, Apollo.io, ZoomInfo, Gong | Sales | Lead Generation
LinkedIn Sales Navigator | Sales Navigator | Lead Generation |
Retail Operations | merchandising, visual merchandising, point of sale, =POS, cash handling, cash drawer, store operations | | Customer Service
Digital Marketing | online marketing, internet marketing, digital marketing campaigns, performance marketing | Marketing | SEO, Paid Advertising
!Marketing | marketing strategy, marketing strategies, marketing campaigns, marketing experience, marketing skills, marketing background, integrated marketing, marketing plans, marketing communications, =MarCom | | Digital Marketing, Brand Management
Product Marketing | product positioning, positioning and messaging, messaging frameworks, sales enablement | Marketing | Go-to-Market Strategy
Brand Management | brand strategy, brand marketing, brand awareness, brand positioning | Marketing | Branding
Content Marketing | content strategy, content creation, content calendar, editorial calendar, blogging, blog posts | Marketing | Copywriting, SEO
Copywriting | copy writing, ad copy, marketing copy, web copy, copyediting, copy editing, copywriter | Content Marketing |
Social Media Marketing | social media, social media management, social media strategy, community management, Instagram marketing, TikTok marketing, =SMM | Digital Marketing | Content Marketing
Influencer Marketing | influencer partnerships, creator partnerships | Social Media Marketing |
Email Marketing | email campaigns, email marketing campaigns, newsletters, drip campaigns, lifecycle marketing | Digital Marketing | Marketing Automation
Marketing Automation | marketing automation platforms, Marketo, Pardot, Eloqua, Braze, Iterable, Klaviyo, Mailchimp, ActiveCampaign | Digital Marketing | HubSpot
SEO | search engine optimization, search engine optimisation, on-page SEO, technical SEO, keyword research, link building, Ahrefs, SEMrush, Moz | Digital Marketing | Content Marketing
Paid Advertising | paid media, paid search, paid social, =SEM, =PPC, pay-per-click, search engine marketing, media buying, programmatic advertising, display advertising | Digital Marketing | Google Ads
Google Ads | Google AdWords, AdWords | Paid Advertising |
Meta Ads | Facebook Ads, Facebook Ads Manager, Instagram Ads, Meta Ads Manager, Facebook advertising | Paid Advertising | Social Media Marketing
LinkedIn Ads | LinkedIn advertising | Paid Advertising |
Google Analytics | =GA4, GA 4, Universal Analytics, Google Analytics 4 | Marketing Analytics | Google Tag Manager
Google Tag Manager | Tag Manager, tag management | Marketing Analytics |
Marketing Analytics | campaign analytics, marketing attribution, attribution modeling, multi-touch attribution, marketing metrics, =ROAS, marketing ROI | Digital Marketing | Google Analytics
Conversion Rate Optimization | =CRO, conversion optimization, landing page optimization, conversion rate optimisation | Digital Marketing | A/B Testing
Market Research | market studies, consumer research, customer research, focus groups, market sizing | | Competitive Analysis
Public Relations | media relations, press releases, press relations, communications strategy, crisis communications | Marketing |
Event Marketing | trade shows, tradeshows, field marketing, experiential marketing | Marketing | Event Planning
Affiliate Marketing | partner marketing, affiliate programs | Digital Marketing |
Account-Based Marketing | =ABM, account based marketing | B2B Sales | Marketing
E-commerce | ecommerce, e-commerce management, online retail, Shopify, WooCommerce, Magento, BigCommerce, Amazon Seller Central | | Digital Marketing
Customer Segmentation | market segmentation, audience segmentation, personas, buyer personas | Marketing Analytics |
Video Marketing | YouTube marketing, video content | Content Marketing | Video Editing
App Store Optimization | =ASO | Digital Marketing | SEO
Telemarketing | telesales | Sales | Cold Calling
Real Estate Sales | real estate agent, realtor, property sales, real estate license | Sales | Real Estate
Insurance Sales | life insurance sales, insurance license, licensed insurance agent | Sales |
Fundraising | donor relations, major gifts, capital campaigns, development and fundraising | | Grant Writing
`,
};
