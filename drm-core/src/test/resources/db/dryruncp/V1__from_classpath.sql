CREATE TABLE from_classpath (id INT PRIMARY KEY);
INSERT INTO from_classpath (id) VALUES (1);
