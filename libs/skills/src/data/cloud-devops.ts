import type { SkillSource } from './format';

export const CLOUD_DEVOPS: SkillSource = {
  category: 'cloud-devops',
  lines: `
AWS | Amazon Web Services, =AWS Cloud | Cloud Computing | Amazon EC2, Amazon S3, AWS Lambda
Microsoft Azure | Azure, Azure Cloud, MS Azure | Cloud Computing | Azure DevOps
Google Cloud | GCP, Google Cloud Platform, Google Cloud Services | Cloud Computing | BigQuery, Google Kubernetes Engine
Cloud Computing | cloud infrastructure, cloud platforms, cloud services, cloud-native, cloud native | | AWS, Microsoft Azure, Google Cloud
Oracle Cloud | OCI, Oracle Cloud Infrastructure | Cloud Computing |
IBM Cloud | | Cloud Computing |
DigitalOcean | Digital Ocean | Cloud Computing |
Heroku | | Cloud Computing |
Vercel | Netlify | Cloud Computing | Next.js
Cloudflare | Cloudflare Workers | | CDN
CDN | content delivery network, CloudFront, Akamai, Fastly | Networking |
Amazon EC2 | EC2 | AWS |
Amazon S3 | =S3, AWS S3 | AWS |
AWS Lambda | Lambda functions, =Lambda | AWS | Serverless
Amazon ECS | ECS, AWS Fargate, Fargate | AWS | Docker
Amazon EKS | EKS | AWS | Kubernetes
Amazon RDS | RDS, Aurora, Amazon Aurora | AWS | PostgreSQL, MySQL
Amazon SQS | SQS, SNS, Amazon SNS | AWS | Message Queues
AWS CloudFormation | CloudFormation, AWS CDK, =CDK | AWS | Infrastructure as Code
AWS IAM | IAM roles, IAM policies | AWS | Identity and Access Management
Amazon CloudWatch | CloudWatch | AWS | Monitoring
AWS Glue | Glue ETL | AWS | ETL
Amazon SageMaker | SageMaker, Sagemaker | AWS | MLOps
Amazon Kinesis | Kinesis | AWS | Stream Processing
API Gateway | Amazon API Gateway, Kong, Apigee | | REST APIs
Azure DevOps | =ADO, Azure Pipelines, Azure Repos, TFS, VSTS | Microsoft Azure | CI/CD
Azure Functions | | Microsoft Azure | Serverless
Azure Kubernetes Service | AKS | Microsoft Azure | Kubernetes
Azure Data Factory | =ADF | Microsoft Azure | ETL
Azure Active Directory | Azure AD, Entra ID, Microsoft Entra ID | Microsoft Azure | Active Directory
Google Kubernetes Engine | GKE | Google Cloud | Kubernetes
Google Cloud Functions | Cloud Functions, Cloud Run, Google Cloud Run | Google Cloud | Serverless
Serverless | serverless architecture, serverless computing, FaaS, Serverless Framework | Cloud Computing | AWS Lambda
Docker | Dockerfile, Dockerfiles, Docker Compose, docker-compose, Dockerized | Containers | Kubernetes
Containers | containerization, containerisation, containerized, OCI containers, Podman | | Docker, Kubernetes
Kubernetes | k8s, =K8S, kube, kubectl, K8s clusters | Containers | Docker, Helm, Amazon EKS
Helm | ?Helm, Helm charts | Kubernetes |
OpenShift | Red Hat OpenShift, OCP | Kubernetes |
Istio | Linkerd, service mesh | Kubernetes | Envoy
Envoy | ?Envoy, Envoy Proxy | Networking | Istio
Argo CD | ArgoCD, Argo Workflows, Argo | Kubernetes | GitOps
GitOps | Flux CD, FluxCD | CI/CD | Argo CD
Terraform | Terraform Cloud, OpenTofu | Infrastructure as Code | AWS
Pulumi | | Infrastructure as Code |
Infrastructure as Code | IaC, infrastructure-as-code | | Terraform, Ansible
Ansible | Ansible playbooks | Configuration Management | Terraform
Chef | ?Chef, Chef Infra | Configuration Management | Puppet
Puppet | ?Puppet | Configuration Management | Chef
SaltStack | Salt Stack | Configuration Management |
Configuration Management | config management | | Ansible
CI/CD | CI / CD, CICD, CI-CD, continuous integration, continuous delivery, continuous deployment, CI pipelines, CD pipelines, build pipelines | DevOps | Jenkins, GitHub Actions
Jenkins | ?Jenkins, Jenkins pipelines, Jenkinsfile | CI/CD |
GitHub Actions | GH Actions | CI/CD | Git
GitLab CI | GitLab CI/CD, GitLab pipelines | CI/CD | Git
CircleCI | Circle CI | CI/CD |
Travis CI | TravisCI | CI/CD |
TeamCity | Bamboo | CI/CD |
Maven | Apache Maven | Java | Gradle
Gradle | | Java | Maven
npm | =npm, =NPM, yarn, pnpm | Node.js |
DevOps | Dev Ops, DevSecOps | | CI/CD, Site Reliability Engineering
Site Reliability Engineering | =SRE, site reliability, site reliability engineer | DevOps | Monitoring
Monitoring | observability, system monitoring, application monitoring, alerting, APM | | Prometheus, Grafana
Prometheus | =Prometheus, PromQL, Alertmanager | Monitoring | Grafana
Grafana | | Monitoring | Prometheus
Datadog | Data Dog | Monitoring |
New Relic | NewRelic | Monitoring |
Splunk | | Monitoring | SIEM
OpenTelemetry | OTel, distributed tracing, Jaeger, Zipkin | Monitoring |
Sentry | =Sentry | Monitoring |
PagerDuty | Opsgenie | | Incident Management
Incident Management | incident response management, incident management process, postmortems, post-mortems | | Site Reliability Engineering
Nginx | NGINX, nginx | Networking | HAProxy
HAProxy | load balancers, load balancing | Networking | Nginx
Apache HTTP Server | Apache httpd, Apache web server, httpd | Networking |
Networking | computer networking, network engineering, TCP/IP, DNS, DHCP, routing and switching, VLANs, subnetting, LAN/WAN | | HTTP
Cisco Networking | Cisco IOS, CCNA, CCNP, Cisco routers | Networking |
Message Queues | message brokers, message queue, RabbitMQ, ActiveMQ, ZeroMQ, NATS, Pub/Sub, Google Pub/Sub | Distributed Systems | Kafka
BullMQ | Bull queue, Sidekiq, Celery | Message Queues |
VMware | vSphere, ESXi, vCenter, virtualization, Hyper-V, KVM | | Linux
Vagrant | Packer | Infrastructure as Code |
HashiCorp Vault | ?Vault, Vault by HashiCorp | Secrets Management |
Consul | ?Consul, HashiCorp Consul | Networking |
Nomad | ?Nomad, HashiCorp Nomad | Containers |
Secrets Management | secret management | Cybersecurity |
System Administration | sysadmin, sys admin, systems administration, server administration | | Linux, Windows Server
Disaster Recovery | business continuity, backup and recovery, BCP, DR planning | | System Administration
Capacity Planning | | Site Reliability Engineering |
Performance Tuning | performance optimization, performance optimisation, performance engineering | |
Release Management | release engineering, release process | DevOps |
Cloud Architecture | cloud solutions architecture, AWS Solutions Architect, AWS Certified Solutions Architect, cloud design | Cloud Computing | Software Architecture
FinOps | cloud cost optimization, cloud cost management | Cloud Computing |
IT Support | help desk, helpdesk, service desk, desktop support, technical support, tech support | | Troubleshooting
ITIL | ITSM, ServiceNow | | IT Support
Active Directory | LDAP, Group Policy | Windows Server | Identity and Access Management
Office 365 | Microsoft 365, M365, O365, Exchange Online, SharePoint | | IT Support
`,
};
