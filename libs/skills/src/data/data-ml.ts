import type { SkillSource } from './format';

export const DATA_ML: SkillSource = {
  category: 'data-ml',
  lines: `
Machine Learning | =ML, machine-learning models, ML engineering, ML models, statistical learning, ML engineer | Statistics | Deep Learning, Python, scikit-learn
Deep Learning | neural networks, neural nets, deep neural networks | Machine Learning | PyTorch, TensorFlow
Artificial Intelligence | =AI, AI/ML | | Machine Learning
Natural Language Processing | =NLP, natural-language processing, text mining, computational linguistics | Machine Learning | Large Language Models, spaCy
Computer Vision | image recognition, image processing, object detection, image classification | Deep Learning | OpenCV
Large Language Models | LLM, LLMs, generative AI, GenAI, Gen AI, GPT, foundation models | Deep Learning | Prompt Engineering, Natural Language Processing
Prompt Engineering | prompt design | Large Language Models |
Retrieval-Augmented Generation | =RAG, retrieval augmented generation | Large Language Models | Vector Databases
Vector Databases | vector database, vector search, pgvector, Pinecone, Weaviate, Milvus, Qdrant, FAISS, ChromaDB | | Retrieval-Augmented Generation, Embeddings
Embeddings | text embeddings, word embeddings, sentence embeddings, word2vec, vector embeddings | Natural Language Processing |
LangChain | LlamaIndex | Large Language Models | Python
Hugging Face | HuggingFace, Hugging Face Transformers, transformers library | Deep Learning | PyTorch
OpenAI API | OpenAI, ChatGPT API, GPT-4 | Large Language Models |
Reinforcement Learning | deep reinforcement learning | Machine Learning |
Recommender Systems | recommendation systems, recommendation engines, recommender engines, collaborative filtering | Machine Learning |
Time Series Analysis | time series, time-series forecasting, time series forecasting, ARIMA | Statistics | Forecasting
Anomaly Detection | outlier detection, fraud detection models | Machine Learning |
Feature Engineering | feature extraction, feature selection | Machine Learning |
MLOps | ML Ops, model deployment, model serving, ML pipelines | Machine Learning | Docker, Kubernetes, MLflow
MLflow | | MLOps |
Kubeflow | | MLOps | Kubernetes
TensorFlow | Tensorflow, TF2, TensorFlow 2 | Deep Learning | Keras
PyTorch | Pytorch, PyTorch Lightning | Deep Learning | Python
Keras | | Deep Learning | TensorFlow
scikit-learn | sklearn, scikit learn, SciKit-Learn | Machine Learning | Python
XGBoost | LightGBM, CatBoost, gradient boosting | Machine Learning |
pandas | =pandas, =Pandas, =PANDAS | Python | NumPy
NumPy | Numpy | Python | pandas
SciPy | Scipy | Python | NumPy
Matplotlib | Seaborn, Plotly | Python | Data Visualization
ggplot2 | ggplot | R | Data Visualization
Jupyter | Jupyter Notebook, Jupyter notebooks, JupyterLab, IPython | Python |
spaCy | Spacy, NLTK | Natural Language Processing | Python
OpenCV | Open CV | Computer Vision |
ONNX | ONNX Runtime | Deep Learning |
CUDA | GPU programming | Deep Learning | C++
Statistics | statistical analysis, statistical modeling, statistical modelling, applied statistics, inferential statistics, biostatistics | | R, Data Analysis
Regression Analysis | linear regression, logistic regression, regression models | Statistics |
Hypothesis Testing | statistical significance, significance testing, t-tests, ANOVA | Statistics | A/B Testing
Bayesian Statistics | Bayesian inference, Bayesian modeling, Bayesian methods | Statistics |
Experimental Design | design of experiments, =DOE | Statistics | A/B Testing
Econometrics | | Statistics |
Data Analysis | data analytics, analyzing data, analysing data, data analyses, quantitative analysis, analyze data, analyse data | | SQL, Microsoft Excel, Statistics
Data Science | | | Machine Learning, Statistics, Python
Data Visualization | data visualisation, data viz, dashboards, dashboarding | Data Analysis | Tableau, Power BI
Business Intelligence | =BI, BI reporting, BI tools | Data Analysis | Tableau, Power BI, Looker
Tableau | | Data Visualization | Power BI
Power BI | PowerBI, Microsoft Power BI, DAX | Data Visualization | Tableau, Microsoft Excel
Looker | =Looker, LookML, Looker Studio, Google Data Studio, Data Studio | Business Intelligence |
Qlik | QlikView, Qlik Sense | Business Intelligence |
Metabase | Superset, Apache Superset | Business Intelligence |
SAS | =SAS, SAS programming, SAS Enterprise Guide | Statistics |
SPSS | IBM SPSS | Statistics |
Stata | =Stata, =STATA | Statistics |
Data Engineering | data pipelines, data pipeline, data engineer | | ETL, Apache Spark, Apache Airflow
ETL | ELT, ETL pipelines, extract transform load, data integration | Data Engineering |
Data Modeling | data modelling, dimensional modeling, dimensional modelling, star schema, data models | Databases |
Data Warehousing | data warehouse, data warehouses, DWH, EDW | Data Engineering | Snowflake, BigQuery, Amazon Redshift
Data Lakes | data lake, lakehouse, data lakehouse, Delta Lake | Data Engineering | Databricks
Data Governance | data quality, data stewardship, master data management, MDM, data lineage | |
Big Data | big-data, Hadoop ecosystem | Data Engineering | Apache Spark, Hadoop
Apache Spark | ?Spark, Spark SQL, Spark Streaming, Apache Spark SQL | Big Data | PySpark, Scala, Databricks
PySpark | Py Spark | Apache Spark | Python
Hadoop | Apache Hadoop, HDFS, MapReduce, Map Reduce | Big Data |
Apache Hive | ?Hive, HiveQL | Hadoop |
Apache Flink | Flink | Big Data | Kafka
Apache Airflow | ?Airflow, Airflow DAGs | Data Engineering | Python
dbt | =dbt, data build tool, dbt Core, dbt Cloud | Data Engineering | SQL, Snowflake
Databricks | | Apache Spark | Data Lakes
Snowflake | ?Snowflake, Snowflake Data Cloud | Data Warehousing | dbt
BigQuery | Google BigQuery, Big Query | Data Warehousing | Google Cloud
Amazon Redshift | Redshift, AWS Redshift | Data Warehousing | AWS
Kafka | Apache Kafka, Kafka Streams, Confluent Kafka | Distributed Systems | Event-Driven Architecture
Stream Processing | real-time data processing, streaming data, event streaming | Data Engineering | Kafka, Apache Flink
Fivetran | Airbyte | ETL |
Web Scraping | Scrapy, BeautifulSoup, Beautiful Soup | Python |
Data Mining | | Data Analysis | Machine Learning
Data Cleaning | data wrangling, data cleansing, data preparation, data munging | Data Analysis | pandas
Predictive Modeling | predictive modelling, predictive analytics | Machine Learning | Statistics
Mathematical Optimization | operations research, linear programming, mixed integer programming, convex optimization | | Statistics
Quantitative Research | quantitative modeling, quant research | Statistics | Quantitative Finance
Geospatial Analysis | =GIS, geographic information systems, ArcGIS, QGIS, spatial analysis | Data Analysis |
Databases | database design, relational databases, RDBMS, database management | | SQL, PostgreSQL
PostgreSQL | Postgres, PostGIS, psql, Postgres SQL | Databases | SQL
MySQL | MariaDB | Databases | SQL
Microsoft SQL Server | SQL Server, MSSQL, MS SQL, MS SQL Server, SSMS | Databases | T-SQL
Oracle Database | ?Oracle, Oracle DB, Oracle 19c, Oracle RDBMS | Databases | PL/SQL
SQLite | | Databases |
MongoDB | ?Mongo, Mongo DB, Mongoose | NoSQL | Databases
NoSQL | NoSQL databases, non-relational databases | Databases | MongoDB
Redis | | NoSQL | Caching
Elasticsearch | Elastic Search, OpenSearch, =ELK, ELK stack, Elastic Stack, Kibana, Logstash | | Search Engines
Apache Solr | Solr, Lucene | | Elasticsearch
Search Engines | search relevance, information retrieval, full-text search | | Elasticsearch
Cassandra | ?Cassandra, Apache Cassandra, ScyllaDB | NoSQL |
DynamoDB | Amazon DynamoDB, Dynamo DB | NoSQL | AWS
Neo4j | graph databases, graph database, Cypher | NoSQL |
Couchbase | CouchDB | NoSQL |
ClickHouse | Clickhouse | Databases |
Firebase | Firestore | NoSQL | Google Cloud
Caching | Memcached, caching strategies | | Redis
Database Administration | =DBA, database tuning, query optimization, query tuning | Databases |
`,
};
