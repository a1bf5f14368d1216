console.log("star-answers");
