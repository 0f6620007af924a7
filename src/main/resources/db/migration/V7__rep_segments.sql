-- The company size segments a rep serves (criteria.yaml names them); * serves all.
alter table rep add column segments varchar(1000) not null default '*';
