import type { SkillSource } from './format';

// Name | aliases | parents | related   (markers: =exact case, ?exact case + technical context)
export const SOFTWARE: SkillSource = {
  category: 'software',
  lines: `
# Languages
JavaScript | JS, ECMAScript, ES6, ES2015, Javascript ES6, Vanilla JS | | TypeScript, Node.js, HTML, CSS
TypeScript | TypeScript 5 | JavaScript | Node.js, Angular
Python | Python 3, Python3, Python 2, py3 | | Django, Flask, FastAPI, pandas
Java | =Java, =JAVA, Java SE, Java EE, Jakarta EE, J2EE, Core Java | | Kotlin, Spring, Scala, JVM
Kotlin | | | Java, Android Development, JVM
Scala | =Scala | | Java, Apache Spark, JVM, Functional Programming
Go | ?Go, Golang, Go lang, Go language | | gRPC, Microservices, Docker, Kubernetes
Rust | ?Rust, Rust lang, Rustlang | | C++, WebAssembly, Systems Programming
C | ?C, ANSI C, C language, C programming, C99, C11 | | C++, Embedded Systems, Systems Programming
C++ | CPP, C plus plus, C++11, C++14, C++17, C++20 | | C, Rust
C# | C sharp, CSharp, C#.NET | .NET | ASP.NET, Unity
Ruby | ?Ruby | | Ruby on Rails
PHP | PHP7, PHP 8 | | Laravel, Symfony, WordPress
Swift | ?Swift | | iOS Development, Objective-C
Objective-C | ObjC, Objective C | | iOS Development, Swift
Dart | ?Dart | | Flutter
Elixir | ?Elixir | | Erlang, Phoenix Framework, Functional Programming
Erlang | | | Elixir
Haskell | | Functional Programming | Scala
Clojure | | Functional Programming | Java
F# | F sharp, FSharp | .NET | Functional Programming, C#
Perl | | | Bash
Lua | | | C
R | ?R, R language, R programming, RStudio, R Studio, Tidyverse | | Statistics, Data Analysis, ggplot2
Julia | ?Julia, Julia language | | Python, Scientific Computing
MATLAB | Matlab, Simulink | | Scientific Computing, Python
Fortran | | | Scientific Computing, C
COBOL | Cobol | | Mainframe
Assembly Language | ?Assembly, x86 assembly, ARM assembly, ASM, Assembler | | C, Embedded Systems
Groovy | =Groovy | Java | Jenkins, Gradle
Visual Basic | VB.NET, VB, Visual Basic .NET | .NET | VBA
Solidity | | | Blockchain, Ethereum
WebAssembly | Wasm | | Rust, JavaScript
Bash | ?Bash, Bash scripting, Shell scripting, shell scripts, Unix shell, Zsh | Linux | PowerShell
PowerShell | Powershell | | Bash, Windows Server
SQL | SQL queries, Structured Query Language, ANSI SQL | | PostgreSQL, MySQL, T-SQL
T-SQL | TSQL, Transact-SQL | SQL | Microsoft SQL Server
PL/SQL | PLSQL | SQL | Oracle Database
HTML | HTML5, HTML 5 | | CSS, JavaScript
CSS | CSS3, CSS 3, Cascading Style Sheets | | HTML, Sass, Tailwind CSS
Sass | =Sass, SCSS, =SASS | CSS | Less
Less | ?Less, Less CSS, LESS.js | CSS | Sass
GraphQL | GQL | | REST APIs, Apollo GraphQL
# Frontend
React | ?React, React.js, ReactJS, React JS, React 18, React hooks | JavaScript | Redux, Next.js, React Native
Angular | =Angular, AngularJS, Angular.js, Angular 2+ | TypeScript | RxJS
Vue.js | =Vue, VueJS, Vue 3, Vue3, Vue 2 | JavaScript | Nuxt.js, Vuex
Svelte | SvelteKit | JavaScript | React
Next.js | NextJS, Next JS | React | Vercel
Nuxt.js | =Nuxt, NuxtJS | Vue.js |
Redux | Redux Toolkit, RTK | React |
Vuex | Pinia | Vue.js |
RxJS | | JavaScript | Angular
jQuery | JQuery | JavaScript |
Ember.js | ?Ember, EmberJS | JavaScript |
Backbone.js | BackboneJS | JavaScript |
Tailwind CSS | Tailwind, TailwindCSS | CSS |
Bootstrap | =Bootstrap, Twitter Bootstrap | CSS |
Material UI | MUI, Material-UI | React |
Webpack | | JavaScript | Vite, Babel
Vite | =Vite | JavaScript | Webpack
Babel | ?Babel | JavaScript | Webpack
Storybook | | | React, Design Systems
Redux-Saga | Redux Saga | Redux |
Three.js | ThreeJS | JavaScript | WebGL
WebGL | | JavaScript | Three.js
D3.js | D3, D3js | JavaScript | Data Visualization
Web Accessibility | WCAG, a11y, accessibility standards, ARIA, Section 508 | | HTML
Responsive Design | responsive web design, mobile-first design | CSS | HTML
Frontend Development | front-end development, frontend engineering, front-end engineering, front end development | | JavaScript, HTML, CSS
Backend Development | back-end development, backend engineering, back-end engineering, server-side development | | REST APIs, Databases
Full-Stack Development | full stack development, fullstack development, full-stack engineering, full-stack engineer, full stack engineer, full-stack developer, full stack developer, fullstack developer, fullstack engineer | | Frontend Development, Backend Development
Web Development | web application development, web apps | | HTML, CSS, JavaScript
# Backend frameworks and runtimes
Node.js | NodeJS, Node JS, ?Node | JavaScript | Express.js, NestJS, TypeScript
Express.js | ?Express, ExpressJS, Express JS | Node.js |
NestJS | Nest.js, =Nest | Node.js | TypeScript
Deno | | JavaScript | Node.js
Django | Django REST Framework, DRF | Python | Flask, FastAPI
Flask | ?Flask | Python | Django, FastAPI
FastAPI | Fast API | Python | Flask, Django
Spring | ?Spring, Spring Framework, Spring MVC, Spring Cloud | Java | Spring Boot, Hibernate
Spring Boot | SpringBoot | Spring, Java |
Hibernate | | Java | JPA
JPA | Java Persistence API | Java | Hibernate
Ruby on Rails | RoR, ?Rails, Ruby-on-Rails | Ruby |
Laravel | | PHP |
Symfony | | PHP |
ASP.NET | ASP.NET Core, ASP.NET MVC, ASPNET | .NET | C#
.NET | dotnet, .NET Core, .NET Framework, .NET 6, .NET 8, =DotNet | | C#, ASP.NET
Entity Framework | EF Core, Entity Framework Core | .NET |
Phoenix Framework | Phoenix LiveView | Elixir |
Gin | ?Gin, Gin Gonic | Go |
Ktor | | Kotlin |
Quarkus | | Java | Spring Boot
Micronaut | | Java | Spring Boot
gRPC | GRPC | | Protocol Buffers, Microservices
Protocol Buffers | protobuf, protobufs | | gRPC
REST APIs | REST, RESTful APIs, RESTful, REST API, RESTful services, RESTful web services, RESTful API | | API Design, HTTP
API Design | API development, API-first design, designing APIs | | REST APIs, OpenAPI
OpenAPI | Swagger, OpenAPI Specification | | API Design, REST APIs
SOAP | SOAP web services | | XML
WebSockets | WebSocket, Socket.IO, socket.io | | Node.js
HTTP | HTTP/2, HTTPS | | REST APIs, Networking
XML | | | SOAP, JSON
JSON | | | REST APIs, XML
Microservices | microservice architecture, microservices architecture, micro-services | | Docker, Kubernetes, Distributed Systems
Distributed Systems | distributed computing | | Microservices, Kafka
Event-Driven Architecture | event driven architecture, event sourcing, CQRS | | Kafka, Microservices
Domain-Driven Design | DDD, domain driven design | Software Architecture |
Software Architecture | system design, systems design, solution architecture, software design | | Design Patterns, Microservices
Design Patterns | software design patterns, GoF patterns | Object-Oriented Programming |
Object-Oriented Programming | OOP, object oriented programming, object-oriented design, OOD | |
Functional Programming | functional programming paradigm | | Haskell, Scala
Data Structures and Algorithms | data structures, algorithms, DSA | | Computer Science
Computer Science | CS fundamentals | |
Systems Programming | low-level programming | | C, Rust
Concurrency | multithreading, multi-threading, parallel programming, concurrent programming | | Distributed Systems
Scientific Computing | numerical methods, numerical computing, HPC, high performance computing | | Python, MATLAB
Embedded Systems | embedded software, embedded C, firmware, firmware development, embedded development | C | RTOS, Microcontrollers
RTOS | FreeRTOS, real-time operating systems, Zephyr RTOS | Embedded Systems |
Microcontrollers | microcontroller, Arduino, STM32, Raspberry Pi | | Embedded Systems
FPGA | Verilog, VHDL, SystemVerilog | | Embedded Systems
JVM | Java Virtual Machine | Java | Kotlin, Scala
Mainframe | z/OS, JCL, CICS | | COBOL
# Mobile
iOS Development | iOS, iOS apps, iPhone development | | Swift, Objective-C, Xcode
Android Development | =Android, Android SDK, Android apps, Jetpack Compose | | Kotlin, Java
React Native | React-Native | React | iOS Development, Android Development
Flutter | | Dart | React Native
Xamarin | .NET MAUI, MAUI | C# |
Xcode | | iOS Development |
SwiftUI | | Swift | iOS Development
Mobile Development | mobile app development, mobile applications, mobile apps | | iOS Development, Android Development
# Testing and practices
Unit Testing | unit tests, unit-testing | Software Testing | Test-Driven Development
Test-Driven Development | TDD, test driven development | Unit Testing | Behavior-Driven Development
Behavior-Driven Development | BDD, behaviour-driven development, Cucumber, Gherkin | Software Testing | Test-Driven Development
Software Testing | QA testing, software quality assurance, =QA, quality assurance testing, QA engineer, QA tester, test engineer, QA analyst | | Unit Testing, Test Automation
Test Automation | automated testing, automation testing, QA automation, test automation frameworks, automated tests | Software Testing | Selenium, Cypress
Integration Testing | integration tests | Software Testing | Unit Testing
End-to-End Testing | E2E testing, end to end testing, e2e tests, end-to-end tests | Software Testing | Cypress, Playwright
Manual Testing | manual QA, exploratory testing | Software Testing |
Performance Testing | load testing, stress testing, JMeter, k6, Gatling, Locust | Software Testing |
Jest | ?Jest | JavaScript | Unit Testing
Mocha | ?Mocha | JavaScript | Unit Testing
Cypress | Cypress.io | JavaScript | End-to-End Testing
Playwright | | | End-to-End Testing
Selenium | Selenium WebDriver, WebDriver | Test Automation |
JUnit | JUnit 5 | Java | Unit Testing
pytest | PyTest | Python | Unit Testing
Postman | | | REST APIs
Code Review | code reviews, peer code review | | Git
Git | GitHub, GitLab, Bitbucket, version control, Git flow, source control | | Code Review
Debugging | troubleshooting code, root cause debugging | |
Agile Development | agile software development | Agile | Scrum
Clean Code | =SOLID, SOLID principles | Object-Oriented Programming | Design Patterns
Refactoring | legacy code refactoring | | Clean Code
Blockchain | Web3, distributed ledger | | Solidity, Ethereum
Ethereum | | Blockchain | Solidity
Game Development | game programming, gameplay programming, game developer, gameplay programmer, game programmer | | Unity, Unreal Engine
Unity | ?Unity, Unity3D, Unity 3D | Game Development | C#
Unreal Engine | UE4, UE5, Unreal | Game Development | C++
OpenGL | Vulkan, DirectX | | Game Development, WebGL
Chrome Extensions | browser extensions | JavaScript |
Electron | =Electron, Electron.js | JavaScript | Node.js
WordPress | Wordpress, WP plugins | PHP |
Shopify Development | Shopify Liquid, Liquid templates, Shopify theme development | | JavaScript
Salesforce Development | Apex, Visualforce, Lightning Web Components, LWC | | Salesforce
ABAP | SAP ABAP | | SAP
Low-Code Development | low-code, no-code, Power Apps, PowerApps, OutSystems, Mendix | |
Regular Expressions | regex, regexes, RegExp | |
Linux | GNU/Linux, Ubuntu, Debian, CentOS, RHEL, Red Hat Enterprise Linux, Unix, Linux administration | | Bash
Windows Server | Windows administration, Windows Server 2019 | | Active Directory, PowerShell
macOS | Mac OS X, OS X | |
Apollo GraphQL | Apollo Client, Apollo Server, =Apollo | GraphQL |
`,
};
