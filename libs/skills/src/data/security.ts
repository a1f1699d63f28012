import type { SkillSource } from './format';

export const SECURITY: SkillSource = {
  category: 'security',
  lines: `
Cybersecurity | cyber security, information security, InfoSec, IT security, security engineering |  | Network Security, Application Security
Network Security | firewalls, firewall configuration, IDS/IPS, intrusion detection, network defense | Cybersecurity | Networking
Application Security | AppSec, secure coding, secure software development, web application security | Cybersecurity | OWASP
OWASP | OWASP Top 10, OWASP Top Ten | Application Security | 
Penetration Testing | pen testing, pentesting, pentest, ethical hacking, red teaming, red team, penetration tester, pen tester, penetration testing experience | Cybersecurity | Vulnerability Management
Vulnerability Management | vulnerability assessment, vulnerability scanning, vulnerability assessments, Nessus, Qualys | Cybersecurity | Penetration Testing
Burp Suite | Burp | Penetration Testing | 
Metasploit | | Penetration Testing | 
Wireshark | packet analysis, tcpdump | Network Security | 
Nmap | | Penetration Testing | 
Kali Linux | | Penetration Testing | Linux
SIEM | security information and event management, Microsoft Sentinel, QRadar, ArcSight | Security Operations | Splunk
Security Operations | =SOC, security operations center, SecOps, threat monitoring, blue team, SOC analyst | Cybersecurity | SIEM
Incident Response | security incident response, =DFIR, cyber incident response | Cybersecurity | Digital Forensics
Digital Forensics | computer forensics, forensic analysis, EnCase, FTK | Cybersecurity | Incident Response
Threat Intelligence | threat hunting, cyber threat intelligence, CTI, MITRE ATT&CK | Cybersecurity | 
Malware Analysis | reverse engineering malware, reverse engineering, IDA Pro, Ghidra | Cybersecurity | 
Endpoint Security | =EDR, CrowdStrike, antivirus, endpoint protection, Microsoft Defender | Cybersecurity | 
Identity and Access Management | =IAM, identity management, access management, Okta, single sign-on, =SSO, Auth0 | Cybersecurity | OAuth
OAuth | OAuth 2.0, OAuth2, OpenID Connect, OIDC, JWT, JSON Web Tokens, SAML | Identity and Access Management | REST APIs
Zero Trust | zero-trust architecture, zero trust security | Cybersecurity | 
Cryptography | encryption, PKI, public key infrastructure, TLS, SSL, TLS/SSL, SSL/TLS, hashing algorithms | Cybersecurity | 
Cloud Security | AWS security, Azure security, CSPM, cloud security posture | Cybersecurity | Cloud Computing
Container Security | Kubernetes security, Trivy, image scanning | Cybersecurity | Kubernetes
DevSecOps Practices | SAST, DAST, static analysis security testing, dependency scanning, Snyk, SonarQube, software composition analysis | Application Security | CI/CD
Risk Assessment | security risk assessment, risk assessments, threat modeling, threat modelling | Cybersecurity | Risk Management
Security Compliance | compliance frameworks, security controls, security audits, security auditing | Cybersecurity | SOC 2, ISO 27001
SOC 2 | SOC2, SOC 2 Type II, SOC II | Security Compliance | 
ISO 27001 | ISO/IEC 27001, ISO27001, ISMS | Security Compliance | 
NIST Cybersecurity Framework | NIST, NIST CSF, NIST 800-53, NIST SP 800-53 | Security Compliance | 
PCI DSS | PCI-DSS, =PCI, PCI compliance | Security Compliance | 
GDPR | General Data Protection Regulation, data protection, data privacy, privacy compliance, CCPA | Security Compliance | 
HIPAA Compliance | HIPAA, HIPAA regulations, PHI protection | Security Compliance | Medical Records
FedRAMP | | Security Compliance | 
CISSP | | Cybersecurity | 
CompTIA Security+ | Security+, Security Plus, CompTIA Security Plus | Cybersecurity | 
CEH | Certified Ethical Hacker | Penetration Testing | 
OSCP | | Penetration Testing | 
Security Clearance | TS/SCI, secret clearance, top secret clearance, security cleared, active clearance |  | 
Physical Security | access control systems, CCTV, loss prevention |  | 
Data Loss Prevention | =DLP | Cybersecurity | 
Web Application Firewall | =WAF, web application firewalls | Network Security | 
VPN | VPNs, IPsec, WireGuard, virtual private network | Network Security | Networking
Phishing Awareness | security awareness training, phishing simulations, social engineering | Cybersecurity | 
`,
};
